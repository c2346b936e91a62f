"""Who may do what with council sessions (rules predicates, used by the services, the workflow table and the screens)."""
