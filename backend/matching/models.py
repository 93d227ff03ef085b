"""Joint-investment projects (联合招商), match runs and results, feedback, hand-offs,
benefit-sharing agreements and the yearly figures split between parks (policy 十四)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from backend.core.json_field import BulkJSONField
from backend.network.models import Industry, Organisation, Park
from graph.matching import DEFAULT_WEIGHTS

ZERO = Decimal(0)

# Weights in force before the secretariat sets any.
DEFAULT_WEIGHT_VALUES: dict[str, float] = dict(DEFAULT_WEIGHTS)


class ProjectStatus(models.TextChoices):
    DRAFT = "draft", "草稿 Draft"
    OPEN = "open", "招商中 Open"
    NEGOTIATING = "negotiating", "洽谈中 Negotiating"
    SIGNED = "signed", "已签约 Signed"
    LANDED = "landed", "已落地 Landed"
    WITHDRAWN = "withdrawn", "已撤回 Withdrawn"


# The workflow: draft -> open -> negotiating -> signed -> landed; withdrawn from any live step.
# Negotiations that fail go back to open.
TRANSITIONS: dict[str, frozenset[str]] = {
    ProjectStatus.DRAFT: frozenset({ProjectStatus.OPEN, ProjectStatus.WITHDRAWN}),
    ProjectStatus.OPEN: frozenset({ProjectStatus.NEGOTIATING, ProjectStatus.WITHDRAWN}),
    ProjectStatus.NEGOTIATING: frozenset(
        {ProjectStatus.SIGNED, ProjectStatus.OPEN, ProjectStatus.WITHDRAWN}
    ),
    ProjectStatus.SIGNED: frozenset({ProjectStatus.LANDED, ProjectStatus.WITHDRAWN}),
    ProjectStatus.LANDED: frozenset(),
    ProjectStatus.WITHDRAWN: frozenset(),
}


class Positioning(models.TextChoices):
    MANUFACTURING = "manufacturing", "高技术制造业 High-tech manufacturing"
    SERVICE = "service", "高技术服务业 High-tech services"


class ChainSegment(models.TextChoices):
    UPSTREAM = "upstream", "上游 Upstream"
    MIDSTREAM = "midstream", "中游 Midstream"
    DOWNSTREAM = "downstream", "下游 Downstream"


class Visibility(models.TextChoices):
    ALLIANCE = "alliance", "全联盟可见 Whole alliance"
    CHOSEN = "chosen", "指定园区可见 Chosen parks"


def _money(**kwargs: object) -> models.DecimalField:
    return models.DecimalField(
        max_digits=16,
        decimal_places=2,
        default=ZERO,
        validators=[MinValueValidator(ZERO)],
        **kwargs,  # type: ignore[arg-type]
    )


class Project(models.Model):
    """A joint-investment project posted by a member park. Amounts in 万元, land in 亩."""

    park = models.ForeignKey(Park, on_delete=models.PROTECT, related_name="projects")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    industry = models.ForeignKey(Industry, on_delete=models.PROTECT, related_name="projects")
    chain_segment = models.CharField(
        max_length=16, choices=ChainSegment.choices, default=ChainSegment.MIDSTREAM
    )
    investment_wan = _money(help_text="投资额（万元）")
    land_mu = _money(help_text="用地需求（亩）")
    space_m2 = _money(help_text="载体需求（平方米）")
    annual_output_wan = _money(help_text="预计年产值（万元）")
    annual_tax_wan = _money(help_text="预计年税收（万元）")
    positioning = models.CharField(max_length=16, choices=Positioning.choices)
    needed_organisations: models.ManyToManyField[Organisation, models.Model] = (
        models.ManyToManyField(Organisation, blank=True, related_name="needed_by_projects")
    )
    visibility = models.CharField(
        max_length=16, choices=Visibility.choices, default=Visibility.ALLIANCE
    )
    visible_to: models.ManyToManyField[Park, models.Model] = models.ManyToManyField(
        Park, blank=True, related_name="visible_projects"
    )
    status = models.CharField(
        max_length=16, choices=ProjectStatus.choices, default=ProjectStatus.DRAFT
    )
    partner_park = models.ForeignKey(
        Park,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="received_projects",
        help_text="The receiving park once both sides are interested",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["status", "park"])]
        constraints = [
            models.CheckConstraint(
                name="project_amounts_not_negative",
                condition=Q(investment_wan__gte=0)
                & Q(land_mu__gte=0)
                & Q(space_m2__gte=0)
                & Q(annual_output_wan__gte=0)
                & Q(annual_tax_wan__gte=0),
            ),
            models.CheckConstraint(
                name="project_partner_not_owner", condition=~Q(partner_park=models.F("park"))
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ProjectStatusChange(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.project_id}: {self.from_status} -> {self.to_status}"


class MatchingWeights(models.Model):
    """Factor weights set by the secretariat; the newest row is in force, older rows are the
    history (never edited)."""

    industry_fit = models.FloatField(validators=[MinValueValidator(0.0)])
    chain_complementarity = models.FloatField(validators=[MinValueValidator(0.0)])
    innovation_support = models.FloatField(validators=[MinValueValidator(0.0)])
    capacity_fit = models.FloatField(validators=[MinValueValidator(0.0)])
    positioning_fit = models.FloatField(validators=[MinValueValidator(0.0)])
    network_proximity = models.FloatField(validators=[MinValueValidator(0.0)])
    distance = models.FloatField(validators=[MinValueValidator(0.0)])
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        verbose_name_plural = "matching weights"

    def __str__(self) -> str:
        return f"weights #{self.pk}"


class MatchRun(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="runs")
    weights = models.ForeignKey(MatchingWeights, null=True, on_delete=models.SET_NULL)
    weights_used = models.JSONField(default=dict)
    trigger = models.CharField(max_length=32, default="manual")
    excluded = models.JSONField(default=list)
    candidate_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    # Not a field: the rows services._store_run just wrote (ranked, parks loaded), kept on the
    # run it returns so that the answer to a ranking need not read them back.
    fresh_results: list[MatchResult] | None = None

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"run #{self.pk} of project {self.project_id}"


class MatchResult(models.Model):
    """One candidate park of one run: score 0–100, the factor breakdown with paths."""

    # No single-column indexes on run and project: the unique (run, park) and the (project,
    # park) index start with them, and every run inserts ~30 rows into each index.
    run = models.ForeignKey(
        MatchRun, on_delete=models.CASCADE, related_name="results", db_index=False
    )
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="results", db_index=False
    )
    park = models.ForeignKey(Park, on_delete=models.CASCADE, related_name="match_results")
    rank = models.PositiveIntegerField()
    score = models.DecimalField(max_digits=5, decimal_places=2)
    factors = BulkJSONField(default=list)  # bulk-created per run, large: see BulkJSONField
    supporting = BulkJSONField(default=list)

    class Meta:
        ordering = ["run", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["run", "park"], name="match_result_unique_park")
        ]
        indexes = [models.Index(fields=["project", "park"])]

    def __str__(self) -> str:
        return f"#{self.rank} park {self.park_id} ({self.score})"


class FeedbackSide(models.TextChoices):
    OWNER = "owner", "发布园区 Posting park"
    CANDIDATE = "candidate", "候选园区 Candidate park"


class FeedbackResponse(models.TextChoices):
    INTEREST = "interest", "有意向 Interested"
    DECLINE = "decline", "婉拒 Declined"


class MatchFeedback(models.Model):
    """A side's answer to one match (project, candidate park); the latest answer counts."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="feedback")
    park = models.ForeignKey(Park, on_delete=models.CASCADE, related_name="match_feedback")
    side = models.CharField(max_length=16, choices=FeedbackSide.choices)
    response = models.CharField(max_length=16, choices=FeedbackResponse.choices)
    reason = models.CharField(max_length=300, blank=True)
    rank = models.PositiveIntegerField(null=True, blank=True, help_text="rank when answered")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "park", "side"], name="match_feedback_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.side} {self.response} on park {self.park_id}"


class HandoffStatus(models.TextChoices):
    PENDING = "pending", "待接收 Pending"
    ACCEPTED = "accepted", "已接收 Accepted"
    REFUSED = "refused", "已拒绝 Refused"


class LeadHandoff(models.Model):
    """A park passes a lead (a project it was matched for, or its own) to a partner park."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="handoffs")
    from_park = models.ForeignKey(Park, on_delete=models.CASCADE, related_name="handoffs_out")
    to_park = models.ForeignKey(Park, on_delete=models.CASCADE, related_name="handoffs_in")
    note = models.CharField(max_length=300, blank=True)
    status = models.CharField(
        max_length=16, choices=HandoffStatus.choices, default=HandoffStatus.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                name="handoff_not_to_itself", condition=~Q(from_park=models.F("to_park"))
            )
        ]

    def __str__(self) -> str:
        return f"{self.from_park_id} -> {self.to_park_id} ({self.status})"


class Indicator(models.TextChoices):
    OUTPUT = "output", "产值 Output"
    TAX = "tax", "税收 Tax"
    FIXED_ASSET_INVESTMENT = "fixed_asset_investment", "固定资产投资 Fixed-asset investment"
    RD_SPENDING = "rd_spending", "研发投入 R&D spending"
    REVENUE = "revenue", "营业收入 Revenue"


class BenefitAgreement(models.Model):
    """Benefit sharing between the transferring and the receiving park of one project.

    Editable while a draft; immutable once both parks confirmed. A change after that is a new
    version (same project, version + 1) that replaces the old one when it is confirmed.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="agreements")
    version = models.PositiveIntegerField(default=1)
    transferring_park = models.ForeignKey(Park, on_delete=models.PROTECT, related_name="+")
    receiving_park = models.ForeignKey(Park, on_delete=models.PROTECT, related_name="+")
    year_from = models.PositiveSmallIntegerField()
    year_to = models.PositiveSmallIntegerField()
    transferring_confirmed_at = models.DateTimeField(null=True, blank=True)
    transferring_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    receiving_confirmed_at = models.DateTimeField(null=True, blank=True)
    receiving_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["project", "version"], name="agreement_version"),
            models.CheckConstraint(
                name="agreement_years_ordered", condition=Q(year_from__lte=models.F("year_to"))
            ),
            models.CheckConstraint(
                name="agreement_two_parks",
                condition=~Q(transferring_park=models.F("receiving_park")),
            ),
        ]

    def __str__(self) -> str:
        return f"agreement v{self.version} of project {self.project_id}"

    @property
    def confirmed(self) -> bool:
        return bool(self.transferring_confirmed_at and self.receiving_confirmed_at)


class AgreementShare(models.Model):
    """Shares of one indicator in percent; transferring + receiving = 100 exactly."""

    agreement = models.ForeignKey(BenefitAgreement, on_delete=models.CASCADE, related_name="shares")
    indicator = models.CharField(max_length=32, choices=Indicator.choices)
    transferring_percent = models.DecimalField(max_digits=5, decimal_places=2)
    receiving_percent = models.DecimalField(max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "indicator"], name="share_indicator"),
            models.CheckConstraint(
                name="share_adds_to_100",
                condition=Q(transferring_percent__gte=0)
                & Q(receiving_percent__gte=0)
                & Q(
                    transferring_percent=Decimal(100) - models.F("receiving_percent"),
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.transferring_percent}/{self.receiving_percent}"


class ProjectFigure(models.Model):
    """A landed project's reported figure for one indicator and year (万元)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="figures")
    year = models.PositiveSmallIntegerField()
    indicator = models.CharField(max_length=32, choices=Indicator.choices)
    amount_wan = models.DecimalField(
        max_digits=16, decimal_places=2, validators=[MinValueValidator(ZERO)]
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["project", "year", "indicator"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year", "indicator"], name="figure_unique"),
            models.CheckConstraint(name="figure_not_negative", condition=Q(amount_wan__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.year} {self.indicator} {self.amount_wan}"
