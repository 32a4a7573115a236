"""« Mes projets »: each author's generations, kept server-side for the policy's retention period."""
