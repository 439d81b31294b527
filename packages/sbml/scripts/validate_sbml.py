"""Validates SBML files with libSBML (Debian python3-sbml5, run with /usr/bin/python3).

Prints one JSON object per file: {"file", "errors": [messages], "warnings": count}.
"""
import json
import sys

import libsbml

for path in sys.argv[1:]:
    document = libsbml.readSBMLFromFile(path)
    document.checkConsistency()
    problems = [document.getError(i) for i in range(document.getNumErrors())]
    errors = [p for p in problems if p.getSeverity() >= libsbml.LIBSBML_SEV_ERROR]
    print(json.dumps({
        "file": path,
        "errors": [f"line {p.getLine()}: [{p.getErrorId()}] {p.getMessage().strip()}" for p in errors],
        "warnings": len(problems) - len(errors),
    }))
