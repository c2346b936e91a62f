"""`make bench`, documents: a decision with 2,000 recipients and its 2,000 certificates, as .docx and as PDF, beside ONE
LibreOffice conversion of a one-page document (a one-recipient certificate) in the same run. The issue's goal: the
whole set of certificates (.docx and PDF) in at most 5× that one conversion.

Measured ways to the certificates' PDF:
- drawn directly with fpdf2 from the same layout data (what `certificates_pdf` does);
- LibreOffice converting the certificates' .docx as ONE long document: far too slow for 2,000 framed pages (LibreOffice
  lays out each page's frames; more than 6 minutes on this machine), so only its first `lo_pages` pages are converted
  and the per-page rate is printed beside it (the whole set: `--documents-lo-pages 2000`).
Nothing here touches the database."""

from __future__ import annotations

import statistics
import time

RECIPIENTS = 2000
GOAL_RATIO = 5.0


def _timed(fn, repeat: int = 1):
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def _decision_context(n: int) -> dict:
    from tdkt.documents import samples

    context = samples.decision()
    base = context["recipients"]
    context["recipients"] = [{**base[i % len(base)], "name": f"{base[i % len(base)]['name']} {i + 1}"} for i in range(n)]
    return context


def run(*, recipients: int = RECIPIENTS, lo_pages: int = 100, repeat: int = 3) -> dict:
    from tdkt.documents import certificates as c
    from tdkt.documents import rendering

    issue = c.sample_issue()
    people = c.sample_recipients(recipients)
    out: dict = {"recipients": recipients, "pdf": rendering.pdf_available()}
    one_page = c.certificates(people[:1], issue=issue)
    out["certs_docx"], certs_docx = _timed(lambda: c.certificates(people, issue=issue), repeat)
    out["certs_pdf_direct"], certs_pdf = _timed(lambda: c.certificates_pdf(people, issue=issue), repeat)
    out["certs_docx_bytes"], out["certs_pdf_bytes"] = len(certs_docx), len(certs_pdf)
    from tdkt.documents import kinds

    decision = kinds.get("decision")
    template = rendering.shipped_bytes(decision)
    context = _decision_context(recipients)
    out["decision_docx"], decision_docx = _timed(lambda: rendering.render_template(template, decision, context), repeat)
    if out["pdf"]:
        rendering.to_pdf(one_page)  # warm the disk cache: the baseline is a warm conversion
        out["baseline"], _ = _timed(lambda: rendering.to_pdf(one_page), repeat)
        out["decision_pdf"], _ = _timed(lambda: rendering.to_pdf(decision_docx, timeout=1800))
        pages = min(lo_pages, recipients)
        out["lo_pages"] = pages
        out["certs_pdf_lo_part"], _ = _timed(lambda: rendering.to_pdf(c.certificates(people[:pages], issue=issue), timeout=3600))
    return out


def print_table(f: dict) -> None:
    n = f["recipients"]
    print(f"\nDocuments: a decision with {n:,} recipients and its {n:,} certificates")
    if not f["pdf"]:
        print("  LibreOffice (soffice) is not installed: no baseline, no PDF by conversion (sh scripts/test-system-deps.sh).")
    base = f.get("baseline")

    def row(label: str, seconds: float, note: str = "") -> None:
        ratio = f"{seconds / base:6.1f}×" if base else "     –"
        print(f"  {label:<66} {seconds:8.2f} s  {ratio}  {note}")

    print(f"  {'':<66} {'time':>10}  {'÷ base':>7}")
    if base:
        row("baseline: ONE LibreOffice conversion of a one-page certificate", base)
    row(f"{n:,} certificates as .docx (one document, one page each)", f["certs_docx"], f"{f['certs_docx_bytes'] / 1e6:.1f} MB")
    row(f"{n:,} certificates as PDF, drawn with fpdf2 from the same layout", f["certs_pdf_direct"], f"{f['certs_pdf_bytes'] / 1e6:.1f} MB")
    whole = f["certs_docx"] + f["certs_pdf_direct"]
    goal = f" goal ≤ {GOAL_RATIO:.0f}× base: {'yes' if base and whole <= GOAL_RATIO * base else 'NO' if base else '–'}"
    row("the whole set of certificates (.docx + PDF)", whole, goal)
    if "certs_pdf_lo_part" in f:
        pages, part = f["lo_pages"], f["certs_pdf_lo_part"]
        row(f"LibreOffice: one conversion of a {pages:,}-page certificate .docx", part,
            f"{part / pages * 1000:.0f} ms/page → {n:,} pages ≈ {part / pages * n:,.0f} s if linear (frames: it is not)")
    row(f"the decision with its {n:,}-row list as .docx (docxtpl)", f["decision_docx"])
    if "decision_pdf" in f:
        row("the decision as PDF (one LibreOffice conversion)", f["decision_pdf"])
        everything = whole + f["decision_docx"] + f["decision_pdf"]
        row("the decision and its certificates, .docx + PDF (the issue's set)", everything,
            f" goal ≤ {GOAL_RATIO:.0f}× base: {'yes' if base and everything <= GOAL_RATIO * base else 'NO' if base else '–'}")
