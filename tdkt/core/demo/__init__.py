"""Deterministic demo data: Hà Nội's wards, the dissolved Quận Đống Đa, five wards' agencies, schools, people
and five years of history, clusters, councils and the demo accounts. See `generator.load`."""

from .generator import ACCOUNTS, PASSWORD, DemoReport, accounts_table, is_loaded, load

__all__ = ["ACCOUNTS", "PASSWORD", "DemoReport", "accounts_table", "is_loaded", "load"]
