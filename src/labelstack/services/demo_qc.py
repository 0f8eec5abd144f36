"""Demo QC: the cardiac cine's ED and ES label maps as stored segmentations, and a QC task for the reviewer.

The demo's 4D cardiac NIfTI comes with one label map per phase (1 LV blood
pool, 2 myocardium, 3 RV). They are stored as labelmap annotations, one per
time point, and Rita gets "QC of cardiac segmentations (ED/ES)": the cardiac
series first, then the series whose LV labelmaps the demo review covers.
Runs after the demo annotations; does nothing when the task exists or the
cardiac series is missing (idempotent).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.annotations.enums import AnnotationKind
from labelstack.annotations.nifti import read_nifti
from labelstack.annotations.patch import LabelmapPatch
from labelstack.archive import demo_data
from labelstack.config import Settings
from labelstack.models import Annotation, Label, Patient, Project, Series, Study, Task, TaskKind, User
from labelstack.schemas.annotation_content import LabelmapContent, SegmentRef
from labelstack.schemas.annotations import AnnotationCreate
from labelstack.schemas.tasks import ItemRef, TaskCreate
from labelstack.services import annotation_images, annotation_versions, task_work, tasks
from labelstack.services.annotation_storage import labelmap_store
from labelstack.services.audit import Actor
from labelstack.services.demo_workflow import PROJECT_NAME

TASK_NAME = "QC of cardiac segmentations (ED/ES)"
#: Label-map values of the demo's cardiac label maps and the demo labels they stand for.
SEGMENTS = {1: "LV blood pool", 2: "LV myocardium", 3: "RV blood pool"}


def load(db: Session, *, settings: Settings) -> str:
    project = db.scalar(select(Project).where(Project.name == PROJECT_NAME))
    admin = db.scalar(select(User).where(User.username == "admin"))
    rita = db.scalar(select(User).where(User.username == "rita"))
    if project is None or admin is None or rita is None:
        return "demo QC: no demo project or team"
    if db.scalar(select(Task.id).where(Task.project_id == project.id, Task.name == TASK_NAME)) is not None:
        return "demo QC: already there"
    series_id = db.scalar(
        select(Series.id)
        .join(Study, Study.id == Series.study_fk)
        .join(Patient, Patient.id == Study.patient_fk)
        .where(Patient.patient_id == demo_data.CARDIAC_PATIENT)
    )
    labels = {x.name: x.id for x in db.scalars(select(Label).where(Label.project_id == project.id)).all()}
    if series_id is None or any(name not in labels for name in SEGMENTS.values()):
        return "demo QC: no cardiac series or labels"
    segments = [SegmentRef(number=n, label_id=labels[name]) for n, name in SEGMENTS.items()]
    folder = demo_data.demo_dir(settings)
    store = labelmap_store(settings)
    for phase_number, phase_name in enumerate(demo_data.PHASES, start=1):
        data = (folder / f"cardiac_cine_{phase_name}_labels.nii.gz").read_bytes()
        geometry = annotation_images.series_geometry(db, series_id, str(phase_number))
        volume = read_nifti(data, geometry, allowed_segments=set(SEGMENTS))
        annotation_versions.create(
            db,
            annotation_in=AnnotationCreate(
                project_id=project.id,
                label_id=labels["LV myocardium"],
                series_id=series_id,
                phase=str(phase_number),
                tool="import:nifti",
                client={"algorithm_type": "AUTOMATIC", "algorithm_name": "demo cardiac model"},
                content=LabelmapContent(segments=segments, patch=LabelmapPatch.from_volume(volume).to_json()),
            ),
            user=admin,
            actor=Actor.system("demo"),
            store=store,
            source="import",
        )
    others = db.scalars(
        select(Annotation.series_id)
        .where(
            Annotation.project_id == project.id,
            Annotation.kind == AnnotationKind.LABELMAP,
            Annotation.series_id != series_id,
        )
        .order_by(Annotation.id)
    ).all()
    cases = [series_id, *dict.fromkeys(others)]
    task = tasks.create(
        db,
        task_in=TaskCreate(
            project_id=project.id,
            name=TASK_NAME,
            description="Score each phase: accept, reject, fine-tune or unclassified, with a comment.",
            kind=TaskKind.qc,
            priority="high",
            assignee_id=rita.id,
            items=[ItemRef(series_id=s) for s in cases],
        ),
        actor=Actor.system("demo"),
    )
    task_work.start(db, task_id=task.id, user=rita, actor=Actor.of(rita))
    return f"demo QC: ED/ES segmentations of the cardiac cine and a QC task of {len(cases)} case(s) for rita"
