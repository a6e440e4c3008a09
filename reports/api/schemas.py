"""The shapes of the API's answers, for its OpenAPI document and its JSON."""

import datetime

from ninja import Schema


class Error(Schema):
    detail: str


class IndicatorRow(Schema):
    project: str | None
    indicator: str
    value: float


class Indicators(Schema):
    year: int
    rows: list[IndicatorRow]


class CallOut(Schema):
    id: int
    fiscal_year: int
    title: str
    description: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    submitted: int
    recommended: int
    chosen: int


class StatusChange(Schema):
    status: str
    at: datetime.datetime
    reason: str


class ProposalOut(Schema):
    id: int
    call: int
    fiscal_year: int
    title: str
    summary: str
    group: str
    status: str
    submitted_at: datetime.datetime
    history: list[StatusChange]


class DecisionOut(Schema):
    proposal: int
    fiscal_year: int
    title: str
    group: str
    outcome: str
    reason: str
    decided_at: datetime.datetime


class AgreementOut(Schema):
    version: int
    status: str
    reason: str
    starts_on: datetime.date
    ends_on: datetime.date
    group_role: str
    city_role: str
    city_contribution: int
    group_share: int
    indicators: str
    reporting: str
    group_confirmed_at: datetime.datetime | None
    department_confirmed_at: datetime.datetime | None


class RenewalOut(Schema):
    fiscal_year: int
    outcome: str
    previous_end: datetime.date
    ends_on: datetime.date | None
    reasons: str
    decided_at: datetime.datetime


class ProjectOut(Schema):
    code: str
    title: str
    group: str
    department: str | None
    proposal: int
    call_year: int
    starts_on: datetime.date
    ends_on: datetime.date
    agreement_date: datetime.date | None
    agreements: list[AgreementOut]
    renewals: list[RenewalOut]
