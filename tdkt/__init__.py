"""TĐKT — emulation and commendation management (thi đua, khen thưởng)."""
