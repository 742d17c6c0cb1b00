"""The domain entities (DESIGN section 2) as SQLAlchemy 2 typed models."""

from workbench.core.model.audit import AuditEntry
from workbench.core.model.base import Base, new_uuid, utc_now
from workbench.core.model.case import AttributeDefinition, AttributeType, Case, CaseAttributeValue
from workbench.core.model.code import Code
from workbench.core.model.coder import Coder
from workbench.core.model.coding import Coding
from workbench.core.model.document import Document, DocumentKind
from workbench.core.model.document_heading import DocumentHeading
from workbench.core.model.document_layout import DocumentLayout
from workbench.core.model.matrix_summary import MatrixSummary
from workbench.core.model.memo import Memo
from workbench.core.model.project_info import ProjectInfo
from workbench.core.model.speaker_turn import SpeakerTurn

__all__ = [
    "AttributeDefinition", "AttributeType", "AuditEntry", "Base", "Case", "CaseAttributeValue",
    "Code", "Coder", "Coding", "Document", "DocumentKind", "DocumentLayout", "MatrixSummary",
    "Memo", "ProjectInfo", "SpeakerTurn",
    "new_uuid", "utc_now",
]
__all__ += ["DocumentHeading"]
