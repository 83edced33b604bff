#!/usr/bin/env python3
"""Checks an EPUB's accessibility metadata the way Ace by DAISY does: the
schema.org properties it requires are present, and every value comes from the
vocabularies Ace accepts. Usage: check_a11y.py BOOK.epub"""
import sys
import zipfile
import xml.etree.ElementTree as ET

# The schema.org vocabularies (as listed by Ace's a11y-meta checks).
ACCESS_MODES = {"auditory", "chartOnVisual", "chemOnVisual", "colorDependent", "diagramOnTactile",
                "diagramOnVisual", "mathOnVisual", "musicOnVisual", "tactile", "textOnVisual", "textual",
                "visual"}
FEATURES = {"alternativeText", "annotations", "ARIA", "audioDescription", "bookmarks", "braille",
            "captions", "ChemML", "describedMath", "displayTransformability", "highContrastAudio",
            "highContrastDisplay", "index", "largePrint", "latex", "longDescription", "MathML",
            "none", "printPageNumbers", "readingOrder", "rubyAnnotations", "signLanguage",
            "structuralNavigation", "synchronizedAudioText", "tableOfContents", "taggedPDF",
            "tactileGraphic", "tactileObject", "timingControl", "transcript", "ttsMarkup",
            "unlocked", "fullRubyAnnotations", "horizontalWriting", "verticalWriting",
            "withAdditionalWordSegmentation", "withoutAdditionalWordSegmentation", "pageBreakMarkers",
            "pageNavigation", "tableHeaders", "sectionHeaders"}
HAZARDS = {"flashing", "noFlashingHazard", "motionSimulation", "noMotionSimulationHazard", "sound",
           "noSoundHazard", "unknown", "none", "unknownFlashingHazard", "unknownMotionSimulationHazard",
           "unknownSoundHazard"}
REQUIRED = ["schema:accessMode", "schema:accessibilityFeature", "schema:accessibilityHazard",
            "schema:accessibilitySummary", "schema:accessModeSufficient"]

OPF = "{http://www.idpf.org/2007/opf}"


def main(path):
    with zipfile.ZipFile(path) as z:
        container = ET.fromstring(z.read("META-INF/container.xml"))
        rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
        opf = ET.fromstring(z.read(rootfile.get("full-path")))
    metas = {}
    for m in opf.iter(OPF + "meta"):
        if m.get("property", "").startswith("schema:"):
            metas.setdefault(m.get("property"), []).append((m.text or "").strip())
    problems = []
    for prop in REQUIRED:
        if not metas.get(prop):
            problems.append(f"missing {prop}")
    for v in metas.get("schema:accessMode", []):
        if v not in ACCESS_MODES:
            problems.append(f"unknown accessMode {v!r}")
    for v in metas.get("schema:accessModeSufficient", []):
        for part in v.split(","):
            if part.strip() not in ACCESS_MODES:
                problems.append(f"unknown accessModeSufficient part {part!r}")
    for v in metas.get("schema:accessibilityFeature", []):
        if v not in FEATURES:
            problems.append(f"unknown accessibilityFeature {v!r}")
    for v in metas.get("schema:accessibilityHazard", []):
        if v not in HAZARDS:
            problems.append(f"unknown accessibilityHazard {v!r}")
    if any(len(s) < 20 for s in metas.get("schema:accessibilitySummary", [])):
        problems.append("accessibilitySummary is too short to say anything")
    for p in problems:
        print("FAIL:", p)
    print(f"{path}: {sum(len(v) for v in metas.values())} accessibility properties, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
