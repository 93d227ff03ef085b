"""The graph's system of record: cities, zones, parks, organisations, industries, relations.

Rows here are the truth; Neo4j holds a projection of them (graph/projection.py) fed through
the transactional outbox (OutboxEvent). Every projected row has a `uid` (`<kind>:<pk>`) that
the graph node or relationship carries under a uniqueness constraint.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from backend.core.lib.pinyin import search_key

# The Nanjing metropolitan circle, with margin: 南京、镇江、扬州、淮安、芜湖、马鞍山、滁州、宣城,
# 常州金坛区、溧阳市. Coordinates outside are refused as typos.
CIRCLE_LAT = (29.9, 34.2)
CIRCLE_LON = (116.8, 120.3)


class Level(models.TextChoices):
    NATIONAL = "national", "国家级 National"
    PROVINCIAL = "provincial", "省级 Provincial"
    MUNICIPAL = "municipal", "市级 Municipal"


class ParkKind(models.TextChoices):
    """Policy section 十五: main-city parks lead with high-tech services, suburban parks with
    high-tech manufacturing; enclave and partner parks are built across the circle."""

    SERVICE = "service", "主城园区（高技术服务业为主） Main-city service park"
    MANUFACTURING = "manufacturing", "郊区园区（高技术制造业为主） Suburban manufacturing park"
    ENCLAVE = "enclave", "飞地园区 Enclave park"
    PARTNER = "partner", "伙伴园区 Partner park"
    ZONE_WIDE = "zone", "高新区（整体） Whole high-tech zone"


class OrganisationKind(models.TextChoices):
    UNIVERSITY = "university", "高校 University"
    LAB = "lab", "实验室/创新中心/新型研发机构 Lab or institute"
    ENTERPRISE = "enterprise", "企业 Enterprise"
    INCUBATOR = "incubator", "孵化器/加速器/众创空间 Incubator"
    FINANCIER = "financier", "基金/银行 Fund or bank"


class OrganisationSubkind(models.TextChoices):
    NATIONAL_KEY_LAB = "national_key_lab", "全国重点实验室 National key lab"
    PROVINCIAL_LAB = "provincial_lab", "省级实验室 Provincial lab"
    INNOVATION_CENTRE = "innovation_centre", "技术创新中心 Innovation centre"
    NEW_RD_INSTITUTION = "new_rd_institution", "新型研发机构 New R&D institution"
    INCUBATOR = "incubator", "孵化器 Incubator"
    ACCELERATOR = "accelerator", "加速器 Accelerator"
    MAKERSPACE = "makerspace", "众创空间 Maker space"
    UNIVERSITY_SCIENCE_PARK = "university_science_park", "大学科技园 University science park"
    FUND = "fund", "基金 Fund"
    BANK = "bank", "银行 Bank"


SUBKINDS_BY_KIND: dict[str, set[str]] = {
    OrganisationKind.LAB: {
        OrganisationSubkind.NATIONAL_KEY_LAB,
        OrganisationSubkind.PROVINCIAL_LAB,
        OrganisationSubkind.INNOVATION_CENTRE,
        OrganisationSubkind.NEW_RD_INSTITUTION,
    },
    OrganisationKind.INCUBATOR: {
        OrganisationSubkind.INCUBATOR,
        OrganisationSubkind.ACCELERATOR,
        OrganisationSubkind.MAKERSPACE,
        OrganisationSubkind.UNIVERSITY_SCIENCE_PARK,
    },
    OrganisationKind.FINANCIER: {OrganisationSubkind.FUND, OrganisationSubkind.BANK},
    OrganisationKind.UNIVERSITY: set(),
    OrganisationKind.ENTERPRISE: set(),
}


class RelationKind(models.TextChoices):
    ENCLAVE_OF = "ENCLAVE_OF", "飞地 Enclave (operating park → host park)"
    PARTNER_OF = "PARTNER_OF", "伙伴园区 Partner parks"
    COOPERATES_WITH = "COOPERATES_WITH", "合作 Cooperation"
    AFFILIATED_WITH = "AFFILIATED_WITH", "隶属 Lab affiliated with university"
    SUPPLIES_TO = "SUPPLIES_TO", "供货 Supplies to (enterprise → enterprise)"
    # Written by the docking sub-platform when a docking between two parks' parties is agreed.
    DOCKED_WITH = "DOCKED_WITH", "成功对接 Agreed docking between parks"


PARK_RELATIONS = {RelationKind.ENCLAVE_OF, RelationKind.PARTNER_OF, RelationKind.DOCKED_WITH}
UNDIRECTED_RELATIONS = {
    RelationKind.PARTNER_OF,
    RelationKind.COOPERATES_WITH,
    RelationKind.DOCKED_WITH,
}


class CooperationKind(models.TextChoices):
    JOINT_LAB = "joint_lab", "共建实验室 Joint lab"
    JOINT_RESEARCH = "joint_research", "联合研发 Joint research"
    TECH_TRANSFER = "tech_transfer", "技术转移 Technology transfer"
    TALENT = "talent", "人才培养 Talent programme"
    INVESTMENT = "investment", "投资 Investment"
    OTHER = "other", "其他 Other"


class Sourced(models.Model):
    """Where a row comes from: a source note for real entities, a flag for generated ones."""

    UID_PREFIX: ClassVar[str]

    source_note = models.CharField(max_length=300, blank=True)
    is_synthetic = models.BooleanField(default=False)
    search_key = models.TextField(blank=True, editable=False, db_index=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_key = search_key(*self.search_names())
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def search_names(self) -> tuple[str, ...]:
        return (getattr(self, "name", ""), getattr(self, "name_en", ""))

    @property
    def uid(self) -> str:
        """The id the graph node carries: `<UID_PREFIX>:<pk>` (e.g. `park:12`)."""
        return f"{self.UID_PREFIX}:{self.pk}"


class City(Sourced):
    UID_PREFIX = "city"
    name = models.CharField(max_length=32, unique=True)
    name_en = models.CharField(max_length=64, blank=True)
    province = models.CharField(max_length=16)
    is_metro_core = models.BooleanField(default=False, help_text="南京 itself")

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "cities"

    def __str__(self) -> str:
        return self.name


class Zone(Sourced):
    """A high-tech zone of many parks, e.g. 南京高新区 (一区多园)."""

    UID_PREFIX = "zone"
    name = models.CharField(max_length=64, unique=True)
    name_en = models.CharField(max_length=128, blank=True)
    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="zones")
    level = models.CharField(max_length=16, choices=Level.choices)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Industry(Sourced):
    """A node of the industry taxonomy; `parent` makes the tree, IndustryLink the chains."""

    UID_PREFIX = "industry"
    name = models.CharField(max_length=64, unique=True)
    name_en = models.CharField(max_length=128, blank=True)
    code = models.SlugField(max_length=64, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    is_future_industry = models.BooleanField(default=False, help_text="未来产业 (policy 十二)")

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "industries"

    def __str__(self) -> str:
        return self.name


class IndustryLink(models.Model):
    """Chain order: `upstream` supplies `downstream` ((:Industry)-[:SUPPLIES]->(:Industry))."""

    upstream = models.ForeignKey(Industry, on_delete=models.CASCADE, related_name="supplies")
    downstream = models.ForeignKey(Industry, on_delete=models.CASCADE, related_name="supplied_by")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["upstream", "downstream"], name="industry_link_unique"),
            models.CheckConstraint(
                condition=~Q(upstream=models.F("downstream")), name="industry_link_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.upstream_id} -> {self.downstream_id}"

    @property
    def uid(self) -> str:
        return f"chain:{self.pk}"


class Park(Sourced):
    UID_PREFIX = "park"
    name = models.CharField(max_length=128, unique=True)
    short_name = models.CharField(max_length=32, blank=True)
    name_en = models.CharField(max_length=128, blank=True)
    city = models.ForeignKey(
        City, null=True, blank=True, on_delete=models.PROTECT, related_name="parks"
    )
    zone = models.ForeignKey(
        Zone, null=True, blank=True, on_delete=models.PROTECT, related_name="parks"
    )
    level = models.CharField(max_length=16, choices=Level.choices, default=Level.PROVINCIAL)
    kind = models.CharField(max_length=16, choices=ParkKind.choices, default=ParkKind.SERVICE)
    available_land_mu = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
        help_text="可用土地（亩）",
    )
    available_space_m2 = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
        help_text="可用载体空间（平方米）",
    )
    latitude = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(CIRCLE_LAT[0]), MaxValueValidator(CIRCLE_LAT[1])],
    )
    longitude = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(CIRCLE_LON[0]), MaxValueValidator(CIRCLE_LON[1])],
    )
    alliance_member = models.BooleanField(default=False, help_text="南京都市圈高新区发展联盟成员")
    description = models.TextField(blank=True)
    industries: models.ManyToManyField[Industry, ParkIndustry] = models.ManyToManyField(
        Industry, through="ParkIndustry", related_name="parks"
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(available_land_mu__gte=0) & Q(available_space_m2__gte=0),
                name="park_capacity_not_negative",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def search_names(self) -> tuple[str, ...]:
        return (self.name, self.short_name, self.name_en)


class ParkIndustry(models.Model):
    """A park's leading industry and its weight ((:Park)-[:FOCUSES_ON {weight}]->)."""

    park = models.ForeignKey(Park, on_delete=models.CASCADE, related_name="focus")
    industry = models.ForeignKey(Industry, on_delete=models.PROTECT, related_name="park_focus")
    weight = models.FloatField(validators=[MinValueValidator(0.0), MaxValueValidator(1.0)])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["park", "industry"], name="park_industry_unique"),
            models.CheckConstraint(
                condition=Q(weight__gte=0) & Q(weight__lte=1), name="park_industry_weight_0_1"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.park_id} FOCUSES_ON {self.industry_id} ({self.weight})"


class Organisation(Sourced):
    UID_PREFIX = "org"
    name = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices)
    subkind = models.CharField(max_length=32, choices=OrganisationSubkind.choices, blank=True)
    city = models.ForeignKey(
        City, null=True, blank=True, on_delete=models.PROTECT, related_name="organisations"
    )
    park = models.ForeignKey(
        Park,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted",
        help_text="The park that hosts it ((:Park)-[:HOSTS]->)",
    )
    founded_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    employees = models.PositiveIntegerField(null=True, blank=True)
    # Enterprise flags (policy sections 四–六).
    is_high_tech = models.BooleanField(default=False, help_text="高新技术企业")
    is_tech_sme = models.BooleanField(default=False, help_text="科技型中小企业")
    is_specialised = models.BooleanField(default=False, help_text="专精特新")
    is_gazelle = models.BooleanField(default=False, help_text="瞪羚企业")
    is_unicorn = models.BooleanField(default=False, help_text="独角兽企业")
    is_nezha = models.BooleanField(default=False, help_text="哪吒企业")
    is_listed = models.BooleanField(default=False, help_text="上市企业")
    industries: models.ManyToManyField[Industry, OrganisationIndustry] = models.ManyToManyField(
        Industry, through="OrganisationIndustry", related_name="organisations"
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="organisation_unique_kind_name")
        ]
        indexes = [models.Index(fields=["kind", "park"]), models.Index(fields=["city", "kind"])]

    def __str__(self) -> str:
        return self.name


class OrganisationIndustry(models.Model):
    """(org)-[:ACTIVE_IN]->(:Industry)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="activity"
    )
    industry = models.ForeignKey(Industry, on_delete=models.PROTECT, related_name="org_activity")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "industry"], name="organisation_industry_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} ACTIVE_IN {self.industry_id}"


class Relation(models.Model):
    """A typed relation between two parks or two organisations.

    ENCLAVE_OF runs from the operating park (飞出地, which runs the enclave) to the host park
    (飞入地, where its land lies). PARTNER_OF, COOPERATES_WITH and DOCKED_WITH are undirected
    and stored with the smaller id as source, so a pair exists once.
    """

    UID_PREFIX = "rel"
    kind = models.CharField(max_length=20, choices=RelationKind.choices)
    source_park = models.ForeignKey(
        Park, null=True, blank=True, on_delete=models.CASCADE, related_name="relations_out"
    )
    target_park = models.ForeignKey(
        Park, null=True, blank=True, on_delete=models.CASCADE, related_name="relations_in"
    )
    source_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="relations_out",
    )
    target_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="relations_in",
    )
    cooperation_kind = models.CharField(max_length=20, choices=CooperationKind.choices, blank=True)
    name = models.CharField(max_length=128, blank=True, help_text="e.g. the enclave's name")
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    agreement_signed_on = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)
    source_note = models.CharField(max_length=300, blank=True)
    is_synthetic = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                name="relation_endpoints_match_kind",
                condition=(
                    Q(kind__in=sorted(PARK_RELATIONS))
                    & Q(source_park__isnull=False)
                    & Q(target_park__isnull=False)
                    & Q(source_organisation__isnull=True)
                    & Q(target_organisation__isnull=True)
                )
                | (
                    ~Q(kind__in=sorted(PARK_RELATIONS))
                    & Q(source_park__isnull=True)
                    & Q(target_park__isnull=True)
                    & Q(source_organisation__isnull=False)
                    & Q(target_organisation__isnull=False)
                ),
            ),
            models.CheckConstraint(
                name="relation_not_to_itself",
                condition=~Q(source_park=models.F("target_park"))
                & ~Q(source_organisation=models.F("target_organisation")),
            ),
            models.UniqueConstraint(
                fields=["kind", "source_park", "target_park"],
                condition=Q(source_park__isnull=False),
                name="relation_unique_parks",
            ),
            models.UniqueConstraint(
                fields=["kind", "source_organisation", "target_organisation"],
                condition=Q(source_organisation__isnull=False),
                name="relation_unique_organisations",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "source_organisation"]),
            models.Index(fields=["kind", "target_organisation"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.source_uid} -> {self.target_uid}"

    @property
    def uid(self) -> str:
        return f"{self.UID_PREFIX}:{self.pk}"

    @property
    def source_uid(self) -> str:
        if self.source_park_id:
            return f"park:{self.source_park_id}"
        return f"org:{self.source_organisation_id}"

    @property
    def target_uid(self) -> str:
        if self.target_park_id:
            return f"park:{self.target_park_id}"
        return f"org:{self.target_organisation_id}"


class OutboxEvent(models.Model):
    """A change to project into Neo4j, appended in the same transaction as the change.

    The id is the sequence: the drain task applies events in id order. Events are small
    (`entity`, `entity_id`, `op`); the drain refetches current rows, so replaying an event
    is harmless and the graph always converges on the system of record.
    """

    class Op(models.TextChoices):
        UPSERT = "upsert"
        DELETE = "delete"

    entity = models.CharField(max_length=24)
    entity_id = models.BigIntegerField()
    op = models.CharField(max_length=8, choices=Op.choices)
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["id"], name="outbox_pending", condition=Q(delivered_at__isnull=True)
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.op} {self.entity}:{self.entity_id}"
