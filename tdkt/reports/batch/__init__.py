"""Batch eligibility: every person of a unit's subtree against the titles the catalogue flags for the batch.

The parts, along their seams (docs/decisions/0005-batch-eligibility.md):
- `ledger`: the subtree's ledger person by person, read set-based (every database);
- `compact` and `readahead`: PostgreSQL's one streaming query, read ahead by a thread on its own connection;
- `signature` and `memo`: results memoised by the named facts of a history;
- `run`: the evaluation in title order, the CSTĐCS quota (law.rules.quota), the summary.
"""

from .compact import COMPACT_SQL, IN_SUBTREE, CompactLedger, Parsers, iter_compact, iter_ledgers_compact
from .ledger import CHUNK, PersonLedger, count_people, iter_ledgers, merge_ledgers, people_queryset
from .memo import Memo, make_memo
from .readahead import SESSION_RESET, SESSION_SETTINGS, read_ahead, read_here
from .run import PersonOutcome, batch_evaluate, count_missing, empty_summary, evaluate_ledger, evaluate_stream, summarise

__all__ = [
    "CHUNK", "COMPACT_SQL", "IN_SUBTREE", "SESSION_RESET", "SESSION_SETTINGS", "CompactLedger", "Memo", "Parsers",
    "PersonLedger", "PersonOutcome", "batch_evaluate", "count_missing", "count_people", "empty_summary", "evaluate_ledger",
    "evaluate_stream", "iter_compact", "iter_ledgers", "iter_ledgers_compact", "make_memo", "merge_ledgers",
    "people_queryset", "read_ahead", "read_here", "summarise",
]
