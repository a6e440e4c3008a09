"""Changes to family-situation reports, and the audited read of one.

Each action runs in one transaction: it locks the report's row (or, to file one, the
project's), authorises through `families.transitions.REPORT` or the app's rule, raises
`FamilyReportError` and changes nothing when the state, the actor or the data refuses,
writes its audit row (never the content: the log's readers may not read it) and queues
its notices.
"""

from .filing import file_report
from .handling import acknowledge_report, close_report, read_report, record_intervention

__all__ = ["acknowledge_report", "close_report", "file_report", "read_report",
           "record_intervention"]
