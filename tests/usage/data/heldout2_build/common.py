def u(t, system=None):
    m = []
    if system:
        m.append({"role": "system", "content": system})
    m.append({"role": "user", "content": t})
    return m

def conv(*turns, system=None):
    """turns alternate user, assistant, user, ... ; must end with user"""
    m = []
    if system:
        m.append({"role": "system", "content": system})
    for i, t in enumerate(turns):
        m.append({"role": "user" if i % 2 == 0 else "assistant", "content": t})
    return m

def R(label, lang, style, messages):
    return {"label": label, "lang": lang, "style": style, "messages": messages}
