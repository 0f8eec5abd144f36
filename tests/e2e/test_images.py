"""Uploading DICOM files and browsing them, in a real browser against a real server."""

from __future__ import annotations

import zipfile
from pathlib import Path

from playwright.sync_api import expect
from pydicom.data import get_testdata_file

from tests.e2e.conftest import ADMIN_PASSWORD, BrowserSession, log_in


def _testdata(name: str) -> Path:
    path = get_testdata_file(name)
    assert path is not None, name
    return Path(str(path))


def test_admin_uploads_files_and_a_zip_then_browses_to_the_attributes(
    browser: BrowserSession, tmp_path: Path
):
    bundle = tmp_path / "mr.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.write(_testdata("MR_small.dcm"), "study/MR_small.dcm")
    junk = tmp_path / "notes.txt"
    junk.write_text("not an image")

    page = browser.new_page()
    log_in(page, "admin", ADMIN_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Images").click()
    page.get_by_role("button", name="Upload images").click()
    files = [str(_testdata("CT_small.dcm")), str(bundle), str(junk)]
    page.get_by_label("Files to upload").set_input_files(files)
    page.get_by_role("button", name="Upload 3 files").click()
    result = page.get_by_test_id("upload-result")
    expect(result.get_by_role("status")).to_have_text("Upload finished: 2 stored, 1 rejected.")
    expect(result.get_by_text("notes.txt")).to_be_visible()
    browser.screenshot(page, "uploaded")

    # The new patients appear without a reload; walk patient -> study -> series -> attributes.
    patients = page.get_by_role("region", name="Patients")
    expect(patients.get_by_role("button")).to_have_count(2)
    patients.get_by_role("button", name="CompressedSamples^CT1").click()
    page.get_by_role("region", name="Studies of this patient").get_by_role("button").first.click()
    series = page.get_by_role("region", name="Series")
    thumbnail = series.get_by_role("img").first
    expect(thumbnail).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=thumbnail.element_handle())
    series.get_by_role("button", name="Open series").first.click()
    attributes = page.get_by_role("table", name="DICOM attributes")
    expect(attributes.get_by_role("cell", name="(0008,0060)")).to_be_visible()
    page.get_by_label("Search attributes").fill("modality")
    expect(attributes.get_by_role("row")).to_have_count(2)  # header + Modality
    expect(attributes.get_by_role("cell", name="CT", exact=True)).to_be_visible()
    browser.screenshot(page, "attributes")

    # A deep link to the same place survives a reload.
    page.reload()
    expect(page.get_by_role("table", name="DICOM attributes")).to_be_visible()


def test_an_upload_with_no_image_shows_why_for_each_file(browser: BrowserSession, tmp_path: Path):
    browser.expect_console_error(r"status of 422")
    junk = tmp_path / "report.pdf"
    junk.write_bytes(b"%PDF-1.4 not dicom")
    page = browser.new_page()
    log_in(page, "admin", ADMIN_PASSWORD)
    page.goto("/images")
    page.get_by_role("button", name="Upload images").click()
    page.get_by_label("Files to upload").set_input_files(str(junk))
    page.get_by_role("button", name="Upload 1 file").click()
    expect(page.get_by_role("alert")).to_contain_text("No file was accepted")
    expect(page.get_by_test_id("upload-result").get_by_text("report.pdf")).to_be_visible()
    browser.screenshot(page, "refused")
