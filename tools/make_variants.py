#!/usr/bin/env python3
"""Generate corpus/dev, corpus/unseen and corpus/dev2: filled forms in wordings and layouts the
extractor was never written from, each with the record it must give.

    python3 tools/make_variants.py            # writes corpus/dev, corpus/unseen and corpus/dev2
    python3 tools/make_variants.py --check    # rebuilds into a temp dir and compares with corpus/

The corpora measure how well extraction generalises. dev/ and dev2/ may be read while tuning;
unseen/ is held out (measure on it, never read its wordings). They differ in seed AND in their pool
of rewordings: the three pools share no wording (case and punctuation ignored), and no pool holds
an official label, an older wording or a PDF field name of ../shared/forms/blank/FORMS.md, or any
wording of mappings/forms/*.yaml. That is asserted at every run, against the files as they are.

Documents are built with make_samples' machinery (its DocxBuilder, the blank DOCX packages, its
truth rules, its LibreOffice export settings), so truth follows ../shared/forms/filled/README.md
exactly as samples/ does: truth is computed from the values written, never written by hand.
Output is deterministic (seeded randomness, fixed zip times, fixed PDF ids and dates).
"""
from __future__ import annotations

import io
import json
import random
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_samples as ms  # noqa: E402
from make_samples import D, Placeholder, Raw, Sample, Sig  # noqa: E402

ROOT = ms.ROOT
CORPUS = ROOT / "corpus"
SEEDS = {"dev": "intake-variants-dev-2026", "unseen": "intake-variants-unseen-2026-b7",
         "dev2": "intake-variants-dev2-2026-k4"}
SETS = ("dev", "unseen", "dev2")          # built in this order; dev2 last, so dev and unseen never change
LO_PROFILE = Path(tempfile.gettempdir()) / "make_variants_lo_profile"
SM, WS, BO, CR = "south-gloucestershire", "west-sussex", "bolton", "croydon"

# --------------------------------------------------------------------------------------------
# Rewording pools. Row ids: the canonical key; "§Heading" for a section or note row of FORMS.md
# (its label up to " – " or ":"); "@party" for a party heading the blank form does not print but
# a retyped copy does (used by the merged-cell layouts).
#
# "labels": wordings for a table row. A wording of a party row (name/role/agency of one side) may
#   be bare ("Full name") because the table shows its section heading or party block above it.
# "standalone": wordings that need no heading (free text, or a layout that breaks the block up).
#   Required for party rows; for other rows they are extra short forms added to "labels".
# "extra_rows": unrelated rows a retyped copy adds (their values belong to no field).

DEV = {
    "labels": {
        SM: {
            "child.name": ["Name of the child (in full)", "Child – full name", "Full name of the young person",
                           "Child/young person full name"],
            "dispute.summary": ["Reason for the dispute (include the views of every agency involved)",
                                "Summary of the dispute and the views of all agencies",
                                "Why is there a dispute? Include all agencies' views", "Dispute – summary and agency views"],
            "dispute.outcome": ["Agreed outcome(s)/actions if resolved – or escalation to the next stage if not",
                                "Outcomes or actions agreed",
                                "What was agreed (or next-stage escalation if unresolved)"],
            "§Action Note": ["Action note: keep a copy of this form on the child/family file in every agency involved",
                             "NOTE – a copy of this form must be held on the child's file in all agencies involved",
                             "Action note – file a copy on the child/family record in each agency involved"],
            "raiser.signature": ["Signature of the raising manager", "Signature – initiating manager",
                                 "Signed (initiating manager)", "Initiating Manager's Signature"],
            "raiser.name": ["Full name", "Initiating manager's name", "Name of initiating manager", "Print name"],
            "raiser.role": ["Position", "Job role", "Initiating manager's role"],
            "raiser.agency": ["Agency / organisation", "Service", "Initiating manager's organisation"],
            "responder.signature": ["Signature – receiving manager", "Signed (receiving manager)",
                                    "Signature of the responding manager", "Receiving Manager's Signature"],
            "responder.name": ["Full name", "Receiving manager's name", "Name of receiving manager", "Print name"],
            "responder.role": ["Position", "Job role", "Receiving manager's role"],
            "responder.agency": ["Agency / organisation", "Service", "Receiving manager's organisation"],
            "§Please complete for monitoring purposes": ["For monitoring purposes – please complete:",
                                                         "Monitoring information (please complete)",
                                                         "To be completed for monitoring"],
            "resolution_stage": ["Stage at which resolution was reached", "Stage resolved", "Resolution reached at stage"],
            "dispute.days_taken": ["Number of days to resolve", "How many days did it take to resolve?",
                                   "Days to resolution"],
            "feedback": ["How effective was this policy in resolving the issue? Any suggestions for improving it",
                         "Effectiveness of the policy and suggestions for improvement",
                         "Comments on how well the policy worked / suggestions"],
            "@raiser": ["Initiating manager details", "Raising manager", "Manager initiating the dispute"],
            "@responder": ["Receiving manager details", "Manager receiving the dispute", "Recipient manager"],
        },
        CR: {
            "raiser.name": ["Full name", "Name of person completing this form", "Your full name"],
            "raiser.role": ["Your role / job title", "Position", "Role in agency"],
            "raiser.agency": ["Agency / organisation", "Your organisation", "Name of agency"],
            "raiser.contact": ["Contact details (phone / e-mail)", "Contact number or e-mail", "How to contact you"],
            "dispute.summary": ["Brief description of your concern about the decision (evidence of need, key "
                                "procedural issue / disagreement)", "Your concern about the decision made",
                                "Description of the concern"],
            "dispute.actions_taken": ["What has been done so far to resolve the issue?",
                                      "Brief description of the steps taken to resolve it",
                                      "Action taken to resolve the issue"],
            "dispute.outcome": ["Outcome of the actions taken (if resolved, what was agreed)",
                                "Brief description of the outcome – if resolved, describe what was agreed",
                                "Result of these actions"],
            "dispute.meeting_request": ["If not resolved, complete this section to ask for a CSCB-led Dispute "
                                        "Resolution Meeting", "Request for a Board-led dispute resolution meeting "
                                        "(if unresolved)", "Dispute Resolution Meeting request"],
            "@raiser": ["Person completing this form", "Your details", "Details of the person notifying the Board"],
        },
        WS: {
            "date.completed": ["Date of this escalation", "Date form completed", "Escalation date"],
            "stage": ["Stage of escalation reached", "Current escalation stage", "Which stage has been reached?"],
            "§Person escalating": ["Escalating professional", "Details of the person escalating",
                                   "Person raising the escalation"],
            "raiser.name": ["Full name", "Name of person escalating", "Escalating professional's name"],
            "raiser.role": ["Position", "Job role", "Role of person escalating"],
            "raiser.agency": ["Agency / organisation", "Service", "Agency of person escalating"],
            "raiser.email": ["Work e-mail", "Email (secure)", "Contact email"],
            "raiser.phone": ["Telephone number", "Phone no.", "Contact number"],
            "§Professional escalated to": ["Escalated to", "Details of the professional escalated to",
                                           "Receiving professional"],
            "responder.name": ["Full name", "Name of professional escalated to", "Receiving professional's name"],
            "responder.role": ["Position", "Job role", "Role of professional escalated to"],
            "responder.agency": ["Agency / organisation", "Service", "Agency of professional escalated to"],
            "child.name": ["Initials of the child", "Child initials", "Young person's initials"],
            "child.reference": ["Case ref.", "Case reference number", "Reference (case)"],
            "dispute.themes": ["Areas of disagreement (tick all relevant)", "Area(s) of disagreement",
                               "What is the disagreement about? (tick all that apply)"],
            "dispute.summary": ["Summary of disagreement", "Brief summary of the disagreement",
                                "The disagreement in summary"],
            "dispute.actions_taken": ["Action taken so far", "Steps taken to date", "What has been done so far"],
            "dispute.timeframe": ["Timeframe for resolution", "Resolution timeframe", "Time frame set to resolve"],
            "dispute.outcome": ["Outcome(s)", "Outcome of escalation", "Result / outcome"],
            "raiser.signature": ["Signature of person escalating", "Signed by", "Escalating professional's signature"],
            "raiser.signed_on": ["Date of signature", "Signed on", "Signature date"],
        },
        BO: {
            "§Part A": ["PART A – Agency A to complete", "Part A (completed by Agency A)",
                        "Part A: for completion by Agency A"],
            "date.completed": ["Date form completed", "Completion date", "Date of completion"],
            "child.name": ["Child / young person's name", "Name of the child", "Young person's name"],
            "child.dob": ["Child's DOB", "Date of birth", "D.O.B. of child"],
            "child.reference": ["Child's case ref.", "Case reference (LCS/EHM)", "Case ref number"],
            "§Agency A practitioner": ["Agency A – practitioner details", "Practitioner (Agency A)", "Agency A worker"],
            "raiser.name": ["Full name", "Practitioner's name", "Name – Agency A practitioner"],
            "raiser.role": ["Position", "Job role", "Practitioner's role"],
            "raiser.agency": ["Agency / organisation", "Service", "Practitioner's agency"],
            "raiser.email": ["Work e-mail", "Practitioner's email", "Email (work)"],
            "raiser.phone": ["Telephone number", "Phone no.", "Contact number"],
            "raiser.manager": ["Name of Agency A manager", "Agency A manager", "Agency A line manager's name"],
            "§Agency B practitioner": ["Agency B – practitioner details", "Practitioner (Agency B)", "Agency B worker"],
            "responder.name": ["Full name", "Practitioner's name", "Name – Agency B practitioner"],
            "responder.role": ["Position", "Job role", "Practitioner's role"],
            "responder.agency": ["Agency / organisation", "Service", "Practitioner's agency"],
            "dispute.themes": ["Areas of difference (tick all relevant)", "Difference area(s)",
                               "What is the difference about? Tick all that apply"],
            "dispute.summary": ["Details of difference", "Description of the difference", "The difference in detail"],
            "dispute.actions_taken": ["Steps taken during early or informal resolution",
                                      "Action taken at the informal stages", "Early/informal resolution – steps taken"],
            "dispute.desired_outcome": ["Desired outcome for the young person", "Outcome wanted for the child",
                                        "Desired outcome (child)"],
            "raiser.signature": ["Signature of Agency A manager", "Signature – Agency A manager",
                                 "Agency A manager's signature"],
            "date.sent": ["Date sent to Agency B's SPOC and the BSCP", "Date sent to Agency B and BSCP",
                          "Date form sent to Agency B"],
            "stage": ["Stage of resolution", "Which stage?", "Current stage (tick one)"],
            "§Part B": ["PART B – Agency B to complete within 10 working days",
                        "Part B (Agency B, within 10 working days)",
                        "Part B: for Agency B to complete within ten working days"],
            "date.received": ["Date form received", "Received on", "Date of receipt"],
            "dispute.outcome": ["Response / outcome", "Agency B's response and outcome", "Outcome of response"],
            "dispute.resolved": ["Is it resolved?", "Resolution reached?", "Resolved (yes/no)"],
            "responder.manager": ["Name of Agency B manager", "Agency B manager", "Agency B line manager's name"],
            "responder.signature": ["Signature of Agency B manager", "Signature – Agency B manager",
                                    "Agency B manager's signature"],
            "date.responded": ["Response date", "Date responded to", "Date of reply"],
            "§Part C": ["PART C – request for Partnership Resolution", "Part C: Partnership Resolution",
                        "Part C – referral to the statutory partners"],
            "partnership_request.reason": ["Reason for the Partnership Resolution request",
                                           "Why is Partnership Resolution requested?",
                                           "Reasons for requesting Partnership Resolution"],
            "partnership_request.date": ["Date of the request", "Date Partnership Resolution requested", "Requested on"],
            "@raiser-manager": ["Agency A manager details", "Manager – Agency A", "Agency A's line manager"],
            "@responder-manager": ["Agency B manager details", "Manager – Agency B", "Agency B's line manager"],
        },
    },
    "standalone": {
        SM: {
            "raiser.name": ["Initiating manager's name", "Init. mgr name", "Name of initiating manager"],
            "raiser.role": ["Initiating manager's role", "Init. mgr role"],
            "raiser.agency": ["Initiating manager's organisation", "Init. mgr organisation"],
            "responder.name": ["Receiving manager's name", "Rec. mgr name", "Name of receiving manager"],
            "responder.role": ["Receiving manager's role", "Rec. mgr role"],
            "responder.agency": ["Receiving manager's organisation", "Rec. mgr organisation"],
            "child.name": ["Child"],
            "dispute.days_taken": ["Days"],
        },
        CR: {
            "raiser.name": ["Notifier"],
            "raiser.contact": ["Phone/email"],
            "dispute.summary": ["Concern"],
            "dispute.actions_taken": ["Action so far"],
            "dispute.meeting_request": ["Meeting request"],
        },
        WS: {
            "raiser.name": ["Escalating professional's name", "Name of person escalating"],
            "raiser.role": ["Role of person escalating", "Escalating professional's position"],
            "raiser.agency": ["Agency of person escalating", "Escalating professional's organisation"],
            "responder.name": ["Name of professional escalated to", "Receiving professional's name"],
            "responder.role": ["Role of professional escalated to", "Receiving professional's position"],
            "responder.agency": ["Agency of professional escalated to", "Receiving professional's organisation"],
            "child.name": ["Child"],
            "child.reference": ["Ref"],
            "raiser.signature": ["Sig."],
            "date.completed": ["Date of form"],
        },
        BO: {
            "raiser.name": ["Agency A practitioner's name", "A prac. name"],
            "raiser.role": ["Agency A practitioner's role", "A prac. role"],
            "raiser.agency": ["Agency A practitioner's agency", "A prac. agency"],
            "responder.name": ["Agency B practitioner's name", "B prac. name"],
            "responder.role": ["Agency B practitioner's role", "B prac. role"],
            "responder.agency": ["Agency B practitioner's agency", "B prac. agency"],
            "child.name": ["Child"],
            "date.sent": ["Sent"],
            "raiser.signature": ["A mgr sig."],
            "responder.signature": ["B mgr sig."],
            "raiser.manager": ["A mgr name"],
            "responder.manager": ["B mgr name"],
        },
    },
    "extra_rows": [("Office use only", ""), ("For office use – log number", "BU-2026-0412"),
                   ("Copy sent to", "Designated Safeguarding Lead"), ("Page", "1 of 2")],
}

UNSEEN = {
    "labels": {
        SM: {
            "child.name": ["Young person's full name", "Full name (child)", "Child or young person – name",
                           "Child's forename and surname"],
            "dispute.summary": ["Summary of why the dispute arose – give the views of each agency",
                                "Reasons for dispute, including the views of all agencies involved",
                                "Outline of the disagreement (all agencies' views)", "Summary of reasons for the dispute"],
            "dispute.outcome": ["Actions agreed on resolution, including any escalation to the next stage",
                                "Agreed outcomes and actions", "Result agreed / next steps if unresolved"],
            "§Action Note": ["Please note: each agency involved should hold a copy of this form on the child/family file",
                             "Note for action: copy to be kept on the family file by all agencies involved",
                             "ACTION: place a copy of this form on the child/family file in all agencies concerned"],
            "raiser.signature": ["Manager raising the dispute – signature", "Signature (manager who initiated)",
                                 "Initiating mgr signature", "Sign here – initiating manager"],
            "raiser.name": ["Name in full", "Name – initiating manager", "Manager who initiated – name", "Printed name"],
            "raiser.role": ["Designation", "Post held", "Initiating manager – job title"],
            "raiser.agency": ["Employer", "Organisation name", "Organisation (initiating manager)"],
            "responder.signature": ["Manager receiving the dispute – signature", "Signature (manager who received it)",
                                    "Receiving mgr signature", "Sign here – receiving manager"],
            "responder.name": ["Name in full", "Name – receiving manager", "Manager who received – name", "Printed name"],
            "responder.role": ["Designation", "Post held", "Receiving manager – job title"],
            "responder.agency": ["Employer", "Organisation name", "Organisation (receiving manager)"],
            "§Please complete for monitoring purposes": ["Monitoring section – please fill in",
                                                         "Please fill in the following for monitoring:",
                                                         "Monitoring details"],
            "resolution_stage": ["Stage the difference was resolved at", "Resolution stage reached",
                                 "At which stage was it resolved?"],
            "dispute.days_taken": ["Total days taken to reach resolution", "No. of days taken",
                                   "Time taken to resolve (days)"],
            "feedback": ["Please comment on the effectiveness of this policy and suggest any improvements",
                         "Feedback on the policy", "Was the policy effective? Suggestions"],
            "@raiser": ["Details of initiating manager", "Manager who raised the difference", "Initiating mgr"],
            "@responder": ["Details of receiving manager", "Manager who received the difference", "Receiving mgr"],
        },
        CR: {
            "raiser.name": ["Name of person notifying", "Completed by (name)", "Print name here"],
            "raiser.role": ["Designation", "Job title or role", "Your position"],
            "raiser.agency": ["Employer", "Agency name", "Organisation you work for"],
            "raiser.contact": ["Telephone / e-mail contact", "Contact info", "Your contact details"],
            "dispute.summary": ["Briefly describe the concern about the decision made, including evidence of need "
                                "and the key issue", "Concern about a decision – brief description",
                                "Nature of your concern"],
            "dispute.actions_taken": ["Steps already taken to resolve the issue",
                                      "Briefly describe what has been done to sort out the issue",
                                      "Resolution attempts so far"],
            "dispute.outcome": ["What was the outcome of these actions? If resolved, what was agreed",
                                "Outcome so far / agreement reached", "Results of the action taken"],
            "dispute.meeting_request": ["Unresolved? Use this box to request a Dispute Resolution Meeting led by "
                                        "the CSCB", "Request for CSCB dispute resolution meeting",
                                        "DRM request (if unresolved)"],
            "@raiser": ["Notifier's details", "About you", "Person making this notification"],
        },
        WS: {
            "date.completed": ["Date escalated", "Date raised", "Today's date"],
            "stage": ["Escalation stage", "Stage now reached", "Stage (tick one)"],
            "§Person escalating": ["Escalated by", "Professional raising the concern", "Your details (person escalating)"],
            "raiser.name": ["Name in full", "Escalated by – name", "Print name here"],
            "raiser.role": ["Designation", "Post held", "Job title / position"],
            "raiser.agency": ["Employer", "Organisation name", "Agency or service"],
            "raiser.email": ["E-mail contact", "Secure email address", "Email addr"],
            "raiser.phone": ["Tel. no.", "Mobile / landline", "Phone number"],
            "§Professional escalated to": ["Professional receiving the escalation", "Person escalated to",
                                           "Recipient of escalation"],
            "responder.name": ["Name in full", "Escalated to – name", "Print name here"],
            "responder.role": ["Designation", "Post held", "Job title / position"],
            "responder.agency": ["Employer", "Organisation name", "Agency or service"],
            "child.name": ["Child's initials only", "Initials (child)", "Initials of child/young person"],
            "child.reference": ["Case no.", "Case ref (child)", "Ref. number"],
            "dispute.themes": ["Disagreement areas – tick any that apply",
                               "Nature of the disagreement (tick as many as apply)", "Areas disagreed (please tick)"],
            "dispute.summary": ["Disagreement – summary", "Outline of the disagreement", "Describe the disagreement"],
            "dispute.actions_taken": ["Actions to date", "Steps already taken", "Action taken thus far"],
            "dispute.timeframe": ["Timescale set for resolving", "Deadline for resolution",
                                  "Target date / timeframe for resolution"],
            "dispute.outcome": ["Outcome reached", "Final outcome", "Agreed outcome"],
            "raiser.signature": ["Sign", "Signature (person escalating)", "Signed (escalating professional)"],
            "raiser.signed_on": ["Date signed off", "Dated", "Date of signing"],
        },
        BO: {
            "§Part A": ["Part A – Agency A", "Section A – to be filled in by Agency A", "Part A (Agency A completes)"],
            "date.completed": ["Date filled in", "Completed on", "Date this form was completed"],
            "child.name": ["Child's name (full)", "Name of young person", "Child/young person – name"],
            "child.dob": ["Birth date (child)", "Child – date of birth", "Young person's DOB"],
            "child.reference": ["Child's reference number", "LCS/EHM ref.", "Case no. (child)"],
            "§Agency A practitioner": ["Practitioner from Agency A", "Agency A professional",
                                       "Details of Agency A practitioner"],
            "raiser.name": ["Name in full", "Practitioner name", "Name of Agency A practitioner"],
            "raiser.role": ["Designation", "Post held", "Job title / position"],
            "raiser.agency": ["Employer", "Organisation name", "Agency or service"],
            "raiser.email": ["E-mail contact", "Secure email address", "Email addr"],
            "raiser.phone": ["Tel. no.", "Mobile / landline", "Phone number"],
            "raiser.manager": ["Manager (Agency A) – name", "Agency A's manager", "Line manager name (Agency A)"],
            "§Agency B practitioner": ["Practitioner from Agency B", "Agency B professional",
                                       "Details of Agency B practitioner"],
            "responder.name": ["Name in full", "Practitioner name", "Name of Agency B practitioner"],
            "responder.role": ["Designation", "Post held", "Job title / position"],
            "responder.agency": ["Employer", "Organisation name", "Agency or service"],
            "dispute.themes": ["Type of difference – tick any that apply", "Areas of professional difference",
                               "Areas differed (please tick)"],
            "dispute.summary": ["Detail the difference", "Professional difference – details", "Explain the difference"],
            "dispute.actions_taken": ["What was tried at Early/Informal Resolution",
                                      "Steps at Early and Informal Resolution", "Informal resolution attempts"],
            "dispute.desired_outcome": ["What outcome do you want for the child?", "Hoped-for outcome for the child",
                                        "Preferred outcome for the child/young person"],
            "raiser.signature": ["Signed by Agency A manager", "Agency A manager sign-off", "Manager signature (Agency A)"],
            "date.sent": ["Sent to Agency B SPOC / BSCP on", "Date emailed to Agency B and the BSCP",
                          "Date of sending to Agency B"],
            "stage": ["Resolution level", "Stage of the process", "Stage at which form is sent"],
            "§Part B": ["Part B – Agency B response (10 working days)", "Section B – to be filled in by Agency B",
                        "Part B (Agency B completes)"],
            "date.received": ["Date Agency B received the form", "Receipt date", "Date received by Agency B"],
            "dispute.outcome": ["Reply and outcome", "Agency B – response and outcome", "Response given and outcome"],
            "dispute.resolved": ["Has the difference been resolved?", "Now resolved?", "Outcome resolved?"],
            "responder.manager": ["Manager (Agency B) – name", "Agency B's manager", "Line manager name (Agency B)"],
            "responder.signature": ["Signed by Agency B manager", "Agency B manager sign-off",
                                    "Manager signature (Agency B)"],
            "date.responded": ["Date response sent", "Responded on", "Date of Agency B response"],
            "§Part C": ["Section C – Partnership Resolution", "Part C (Partnership Resolution requested)",
                        "Part C – Request for referral to safeguarding partners"],
            "partnership_request.reason": ["Grounds for requesting Partnership Resolution",
                                           "Why refer to the safeguarding partners?", "Partnership Resolution – reason"],
            "partnership_request.date": ["Request date", "Date partnership request made", "Date of referral request"],
            "@raiser-manager": ["Details of Agency A manager", "Manager for Agency A", "Agency A managing officer"],
            "@responder-manager": ["Details of Agency B manager", "Manager for Agency B", "Agency B managing officer"],
        },
    },
    "standalone": {
        SM: {
            "raiser.name": ["Name – initiating manager", "Initiating mgr – full name", "Raising manager name"],
            "raiser.role": ["Initiating manager – job title", "Raising manager position"],
            "raiser.agency": ["Organisation (initiating manager)", "Raising manager's employer"],
            "responder.name": ["Name – receiving manager", "Receiving mgr – full name", "Responding manager name"],
            "responder.role": ["Receiving manager – job title", "Responding manager position"],
            "responder.agency": ["Organisation (receiving manager)", "Responding manager's employer"],
            "child.name": ["Name (child)"],
            "dispute.days_taken": ["No. days"],
        },
        CR: {
            "raiser.name": ["Notified by"],
            "raiser.contact": ["Contact no./e-mail"],
            "dispute.summary": ["The concern"],
            "dispute.actions_taken": ["Done so far"],
            "dispute.meeting_request": ["Meeting requested"],
        },
        WS: {
            "raiser.name": ["Escalated by – name", "Escalating person – full name"],
            "raiser.role": ["Escalated by – job title", "Position of person escalating"],
            "raiser.agency": ["Escalated by – organisation", "Employer of person escalating"],
            "responder.name": ["Escalated to – name", "Person escalated to – full name"],
            "responder.role": ["Escalated to – job title", "Position of person escalated to"],
            "responder.agency": ["Escalated to – organisation", "Employer of person escalated to"],
            "child.name": ["Initials"],
            "child.reference": ["Case ref no"],
            "raiser.signature": ["Sgd"],
            "date.completed": ["Form date"],
        },
        BO: {
            "raiser.name": ["Name of Agency A practitioner", "Agency A worker – name"],
            "raiser.role": ["Agency A worker – job title", "Post held (Agency A)"],
            "raiser.agency": ["Agency A worker – employer", "Organisation (Agency A)"],
            "responder.name": ["Name of Agency B practitioner", "Agency B worker – name"],
            "responder.role": ["Agency B worker – job title", "Post held (Agency B)"],
            "responder.agency": ["Agency B worker – employer", "Organisation (Agency B)"],
            "child.name": ["Name (child)"],
            "date.sent": ["Sent on"],
            "raiser.signature": ["Mgr A signed"],
            "responder.signature": ["Mgr B signed"],
            "raiser.manager": ["Mgr A"],
            "responder.manager": ["Mgr B"],
        },
    },
    "extra_rows": [("OFFICE USE ONLY – do not write below this line", ""), ("Business support reference", "LOG/26/1187"),
                   ("Checked by", "Business Support Officer"), ("Version control", "Retyped copy")],
}

# The second tuning pool: written afresh, in the styles of other retyped and older copies – questions,
# terse abbreviations, "Referrer", "Completed by", "Line manager", "Sign-off", numbering, brackets and
# typing instructions. It shares no wording with DEV or UNSEEN (asserted by check_pools).
DEV2 = {
    "labels": {
        SM: {
            "child.name": ["Who is the child? (full name)", "CYP full name", "1. Child's name in full (please print)",
                           "Service user (child) – full name"],
            "dispute.summary": ["What is the dispute about? (give every agency's view)",
                                "2. Reason for disagreement – views of each agency involved",
                                "DISPUTE: REASON AND AGENCY VIEWS",
                                "Grounds for dispute (incl. all agencies' positions)"],
            "dispute.outcome": ["What was agreed? (if unresolved, state the next stage of escalation)",
                                "3. Agreed actions / next step if not resolved",
                                "Actions agreed – or onward escalation if still unresolved",
                                "What happens now? (agreed actions or next escalation stage)"],
            "§Action Note": ["NB – each agency involved keeps a copy of this form on the child/family file",
                             "Reminder (all agencies): place a copy of this form on the child's or family's file",
                             "ACTION: COPY TO BE FILED ON CHILD/FAMILY RECORD BY ALL AGENCIES",
                             "Note for all agencies: copy to be kept on child/family file"],
            "raiser.signature": ["Sign-off: manager raising the dispute", "Initiating mgr sig.",
                                 "Signature (manager who started the dispute)", "4a) Initiating manager – sign here"],
            "raiser.name": ["Name (please print)", "Print full name", "Mgr name", "Name in capitals"],
            "raiser.role": ["Job title / role", "Position/title", "Role held", "Title of post"],
            "raiser.agency": ["Setting / agency", "Organisation or service", "Employing agency", "Agency/org."],
            "responder.signature": ["Sign-off: manager receiving the dispute", "Receiving mgr sig.",
                                    "Signature (manager the dispute went to)", "4b) Receiving manager – sign here"],
            "responder.name": ["Name (please print)", "Print full name", "Mgr name", "Name in capitals"],
            "responder.role": ["Job title / role", "Position/title", "Role held", "Title of post"],
            "responder.agency": ["Setting / agency", "Organisation or service", "Employing agency", "Agency/org."],
            "§Please complete for monitoring purposes": ["MONITORING (to be filled in by the managers)",
                                                         "For monitoring – please fill in below",
                                                         "5. Monitoring section", "MONITORING INFO"],
            "resolution_stage": ["Resolved at which stage?", "Res. stage (tick)", "Stage when resolved (3 or 4)",
                                 "What stage was it resolved at?"],
            "dispute.days_taken": ["How many days until it was resolved?", "Total days to resolve",
                                   "Time taken to resolve (in days)", "Days to resolution (number)"],
            "feedback": ["Was the policy effective? Any suggestions?",
                         "Your comments on the policy (what worked / what could be better)",
                         "6. Policy feedback & suggestions", "How well did the policy work? Suggestions welcome"],
            "@raiser": ["Who raised the dispute? (manager)", "a) Manager who raised it",
                        "Initiating manager (raising the dispute)", "MANAGER 1 – INITIATING"],
            "@responder": ["Who received the dispute? (manager)", "b) Manager receiving it",
                           "Receiving manager (dispute sent to)", "MANAGER 2 – RECEIVING"],
        },
        CR: {
            "raiser.name": ["Referrer's name", "Your name (please print)", "Name of referrer *",
                            "Who is completing this form?"],
            "raiser.role": ["Referrer – job title", "What is your role?", "Designation (person completing)",
                            "Referrer's role/title"],
            "raiser.agency": ["Referrer's agency *", "Which agency do you work for?", "Your setting or service",
                              "Referring agency"],
            "raiser.contact": ["Referrer contact (tel/email)", "How can we reach you? (phone or email)",
                               "Tel. or e-mail for our reply", "Your tel / email"],
            "dispute.summary": ["What is your concern about the decision? (include evidence of need / procedural "
                                "issue)",
                                "1. Concern re decision made",
                                "Nature of concern (evidence of need, procedure, disagreement)",
                                "What decision are you concerned about, and why?"],
            "dispute.actions_taken": ["What have you done so far to try to resolve it?", "2. Steps already taken",
                                      "Resolution attempts to date", "What steps have been taken to sort it out?"],
            "dispute.outcome": ["What happened next? (if resolved, what was agreed)", "3. Result of the steps taken",
                                "Outcome so far (incl. any agreement reached)",
                                "What was the result? (if resolved, state what was agreed)"],
            "dispute.meeting_request": ["Do you want a CSCB Dispute Resolution Meeting? If so, why",
                                        "4. Dispute Res. Mtg request (if not resolved)",
                                        "Request for CSCB-led meeting – complete only if unresolved",
                                        "Still unresolved? Request a CSCB Dispute Resolution Meeting here"],
            "@raiser": ["Referrer details", "Completed by", "About you (person notifying)",
                        "Your details (referrer)"],
        },
        WS: {
            "date.completed": ["Today's date (dd/mm/yyyy)", "Date escalation raised", "When was this form filled in?",
                               "Date (dd/mm/yyyy) of escalation form"],
            "stage": ["What stage has this reached? (tick one)", "Esc. stage", "Escalation level – tick",
                      "Escalation stage reached (tick)"],
            "§Person escalating": ["1. Referrer", "Who is escalating?", "Escalating worker (your details)",
                                   "Referrer (person raising the escalation)"],
            "raiser.name": ["Name (print)", "Name of worker", "Print name (full)", "Full name (print)"],
            "raiser.role": ["Job title/designation", "Post", "Role/position held", "Job title (designation)"],
            "raiser.agency": ["Agency / team", "Organisation / team", "Service/agency", "Team/agency"],
            "raiser.email": ["Your work email", "E-mail (please use secure email)", "Email address (work)",
                             "Work e-mail addr."],
            "raiser.phone": ["Phone (direct line / mobile)", "Contact tel", "Tel (work/mobile)", "Direct line"],
            "§Professional escalated to": ["2. Escalated to (other professional)", "Who are you escalating to?",
                                           "Receiving worker details", "b) Professional you are escalating to"],
            "responder.name": ["Name (print)", "Name of worker", "Print name (full)", "Full name (print)"],
            "responder.role": ["Job title/designation", "Post", "Role/position held", "Job title (designation)"],
            "responder.agency": ["Agency / team", "Organisation / team", "Service/agency", "Team/agency"],
            "child.name": ["CYP initials", "Child – initials only please", "Which child? (initials)",
                           "Initials of CYP"],
            "child.reference": ["Case file no.", "Ref no", "What is the case reference?", "Ref. no. (case)"],
            "dispute.themes": ["Tick the area(s) you disagree on", "Disagreement type (tick any)",
                               "Which areas are disputed? Tick all relevant",
                               "Area of disagreement – tick as many as apply"],
            "dispute.summary": ["Briefly, what is the disagreement?", "Disagreement – brief outline *",
                                "3. Outline of the disagreement", "What is the disagreement? (brief summary)"],
            "dispute.actions_taken": ["What has happened so far?", "Actions to date (who did what)",
                                      "4. Work done so far to resolve it", "Steps so far (who did what, when)"],
            "dispute.timeframe": ["By when should this be resolved?", "Target timescale",
                                  "Deadline set for resolution", "Timescale to resolve (days or date)"],
            "dispute.outcome": ["What happened next? (outcome)", "End result", "5. Outcome (if known)",
                                "Outcome (so far)"],
            "raiser.signature": ["Sign here (person escalating)", "Referrer sig.", "Sign-off – escalating worker",
                                 "Signed (person escalating)"],
            "raiser.signed_on": ["Sign-off date (dd/mm/yyyy)", "Date of sig.", "When was this signed?",
                                 "Date of sign-off"],
        },
        BO: {
            "§Part A": ["PART A (AGENCY A – THE AGENCY RAISING THE DIFFERENCE)",
                        "Section A: raising agency to fill in", "A) To be filled in by Agency A",
                        "PART A: FOR THE AGENCY RAISING THE DIFFERENCE (AGENCY A)"],
            "date.completed": ["Date filled in (dd/mm/yyyy)", "When was Part A completed?", "Date Part A completed",
                               "Completed on (dd/mm/yyyy)"],
            "child.name": ["Child/YP (service user) name", "CYP name *",
                           "Name of child or young person (please print)", "Who is the child? (name)"],
            "child.dob": ["DOB (dd/mm/yyyy)", "When was the child born?", "Child's birth date", "Born (date)"],
            "child.reference": ["LCS/EHM no.", "Case ID (LCS or EHM)", "Child ref no", "LCS / EHM ref. no."],
            "§Agency A practitioner": ["Practitioner raising the difference (Agency A)", "AGENCY A – REFERRER",
                                       "Referring worker (Agency A)", "Agency A – worker raising the difference"],
            "raiser.name": ["Worker's full name", "Name of practitioner (print)", "Practitioner",
                            "Full name (practitioner)"],
            "raiser.role": ["Job title & team", "Position held", "Post / team", "Role & team"],
            "raiser.agency": ["Agency / setting", "Employing organisation", "Service (agency)", "Org."],
            "raiser.email": ["Practitioner e-mail address", "Email addr. (Agency A worker)",
                             "Secure email for replies", "Agency A worker's email"],
            "raiser.phone": ["Tel no (Agency A worker)", "Direct dial / mobile", "Practitioner tel.",
                             "Agency A worker's phone"],
            "raiser.manager": ["Line manager (Agency A)", "Agency A line mgr", "Who is the Agency A manager?",
                               "Line mgr – Agency A"],
            "§Agency B practitioner": ["Practitioner the difference is with (Agency B)",
                                       "AGENCY B – RECEIVING WORKER", "Receiving worker (Agency B)",
                                       "Agency B – worker the difference is with"],
            "responder.name": ["Worker's full name", "Name of practitioner (print)", "Practitioner",
                               "Full name (practitioner)"],
            "responder.role": ["Job title & team", "Position held", "Post / team", "Role & team"],
            "responder.agency": ["Agency / setting", "Employing organisation", "Service (agency)", "Org."],
            "dispute.themes": ["Tick the area(s) of difference", "What kind of difference? (tick any)",
                               "Difference type(s) – tick all relevant", "Area(s) of difference – tick"],
            "dispute.summary": ["What is the difference? Give details", "Difference – full details *",
                                "2. Describe the professional difference", "Describe the difference in full"],
            "dispute.actions_taken": ["What was tried informally first?", "Early resolution – what was done",
                                      "3. Informal steps taken so far", "Informal resolution – steps tried"],
            "dispute.desired_outcome": ["Hoped-for outcome (CYP)", "4. Outcome sought for the young person",
                                        "Outcome hoped for (child/young person)",
                                        "What should happen for the child?"],
            "raiser.signature": ["Sign-off by Agency A line manager", "Agency A mgr sig.",
                                 "Signed on behalf of Agency A (manager)", "Agency A manager – sign here"],
            "date.sent": ["Date sent to B's SPOC & BSCP (dd/mm/yyyy)", "When was it sent to Agency B and the BSCP?",
                          "Sent to SPOC/BSCP on", "Date it went to B's SPOC + BSCP"],
            "stage": ["Which stage are you at? (tick one)", "Resolution level (Formal / Partnership)", "Stage – tick",
                      "Stage (Formal or Partnership) – tick"],
            "§Part B": ["PART B – FOR AGENCY B (REPLY WITHIN 10 WORKING DAYS)",
                        "Section B: receiving agency to reply within 10 working days",
                        "B) Agency B to fill in – 10 working days", "PART B: AGENCY B'S RESPONSE (10 WORKING DAYS)"],
            "date.received": ["When did Agency B receive this?", "Date rec'd", "Received (date)",
                              "Date Agency B got the form"],
            "dispute.outcome": ["What is Agency B's reply / outcome?", "Reply & outcome",
                                "5. Agency B's reply and outcome", "Agency B reply / outcome"],
            "dispute.resolved": ["Has it been resolved? (Y/N)", "Outcome: resolved or not?",
                                 "Difference settled? Y/N", "Resolved? Y / N (tick)"],
            "responder.manager": ["Line manager (Agency B)", "Agency B line mgr", "Who is the Agency B manager?",
                                  "Line mgr – Agency B"],
            "responder.signature": ["Sign-off by Agency B line manager", "Agency B mgr sig.",
                                    "Signed on behalf of Agency B (manager)", "Agency B manager – sign here"],
            "date.responded": ["When did Agency B reply?", "Reply date", "Response sent on (dd/mm/yyyy)",
                               "Date Agency B responded"],
            "§Part C": ["PART C – PARTNERSHIP RESOLUTION (IF STILL UNRESOLVED)",
                        "Section C: ask for Partnership Resolution", "C) Escalate to Partnership Resolution",
                        "Part C – Partnership Resolution (if needed)"],
            "partnership_request.reason": ["Why are you asking for Partnership Resolution?",
                                           "Grounds for Partnership Res. request",
                                           "6. Reason for escalating to the partnership",
                                           "Reason(s) for asking for Partnership Resolution"],
            "partnership_request.date": ["Date of Partnership Resolution request (dd/mm/yyyy)",
                                         "When was Partnership Resolution asked for?", "Partnership req. date",
                                         "Partnership Resolution requested on"],
            "@raiser-manager": ["Agency A line management", "AGENCY A SIGN-OFF", "Manager sign-off – Agency A",
                                "A's line manager (sign-off)"],
            "@responder-manager": ["Agency B line management", "AGENCY B SIGN-OFF", "Manager sign-off – Agency B",
                                   "B's line manager (sign-off)"],
        },
    },
    "standalone": {
        SM: {
            "raiser.name": ["Name of manager raising the dispute", "Initiating mgr – name (print)",
                            "Raised by (manager's name)"],
            "raiser.role": ["Role of manager raising the dispute", "Initiating mgr – job title",
                            "Raising manager's designation"],
            "raiser.agency": ["Agency of manager raising the dispute", "Initiating mgr – organisation",
                              "Raising manager's setting/agency"],
            "responder.name": ["Name of manager receiving the dispute", "Receiving mgr – name (print)",
                               "Received by (manager's name)"],
            "responder.role": ["Role of manager receiving the dispute", "Receiving mgr – job title",
                               "Receiving manager's designation"],
            "responder.agency": ["Agency of manager receiving the dispute", "Receiving mgr – organisation",
                                 "Receiving manager's setting/agency"],
            "child.name": ["CYP", "Child/YP"],
            "dispute.days_taken": ["Days (no.)"],
        },
        CR: {
            "raiser.name": ["Referrer", "Name (referrer)"],
            "raiser.contact": ["Tel/email no.", "Contact tel/e-mail"],
            "dispute.meeting_request": ["DRM (dispute resolution meeting) request?"],
        },
        WS: {
            "raiser.name": ["Escalating worker's name", "Your name (person escalating)",
                            "Name of the escalating worker"],
            "raiser.role": ["Escalated by – role", "Escalating worker's job title", "Your role (person escalating)"],
            "raiser.agency": ["Escalated by – agency", "Escalating worker's agency",
                              "Your agency (person escalating)"],
            "responder.name": ["Receiving worker's name", "Name of professional you are escalating to",
                               "Name of the worker escalated to"],
            "responder.role": ["Escalated to – role", "Receiving worker's job title",
                               "Role of professional you are escalating to"],
            "responder.agency": ["Escalated to – agency", "Receiving worker's agency",
                                 "Agency of professional you are escalating to"],
            "child.name": ["CYP", "YP initials"],
            "raiser.signature": ["Signed off"],
        },
        BO: {
            "raiser.name": ["Referring worker's name (Agency A)", "Agency A practitioner – name (print)",
                            "Name of Agency A worker"],
            "raiser.role": ["Referring worker's role (Agency A)", "Agency A practitioner – job title",
                            "Designation of Agency A worker"],
            "raiser.agency": ["Referring worker's agency (Agency A)", "Agency A practitioner – organisation",
                              "Setting of Agency A worker"],
            "responder.name": ["Receiving worker's name (Agency B)", "Agency B practitioner – name (print)",
                               "Name of Agency B worker"],
            "responder.role": ["Receiving worker's role (Agency B)", "Agency B practitioner – job title",
                               "Designation of Agency B worker"],
            "responder.agency": ["Receiving worker's agency (Agency B)", "Agency B practitioner – organisation",
                                 "Setting of Agency B worker"],
            "child.name": ["CYP", "Child/YP name"],
            "raiser.manager": ["A line mgr"],
            "responder.manager": ["B line mgr"],
        },
    },
    "extra_rows": [("Office use: entered on database", ""),
                   ("Version", "v3.1 – retyped 2019"),
                   ("Classification", "OFFICIAL-SENSITIVE"),
                   ("GDPR: keep securely", "")],
}

POOLS = {"dev": DEV, "unseen": UNSEEN, "dev2": DEV2}

# Party rows: their table wordings may be bare, so a layout without their heading takes "standalone".
PARTY_ROWS = {
    SM: ["raiser.name", "raiser.role", "raiser.agency", "responder.name", "responder.role", "responder.agency"],
    WS: ["raiser.name", "raiser.role", "raiser.agency", "responder.name", "responder.role", "responder.agency"],
    BO: ["raiser.name", "raiser.role", "raiser.agency", "responder.name", "responder.role", "responder.agency"],
    CR: [],
}

# Blocks a retyped copy reorders within (first id stays first when it heads the block) or moves.
BLOCKS = {
    SM: {"raiser": ("raiser.signature", ["raiser.name", "raiser.role", "raiser.agency"]),
         "responder": ("responder.signature", ["responder.name", "responder.role", "responder.agency"]),
         "monitoring": ("§Please complete for monitoring purposes", ["resolution_stage", "dispute.days_taken",
                                                                    "feedback"])},
    WS: {"raiser": ("§Person escalating", ["raiser.name", "raiser.role", "raiser.agency", "raiser.email",
                                           "raiser.phone"]),
         "responder": ("§Professional escalated to", ["responder.name", "responder.role", "responder.agency"]),
         "child": (None, ["child.name", "child.reference"])},
    BO: {"child": (None, ["child.name", "child.dob", "child.reference"]),
         "raiser": ("§Agency A practitioner", ["raiser.name", "raiser.role", "raiser.agency", "raiser.email",
                                               "raiser.phone", "raiser.manager"]),
         "responder": ("§Agency B practitioner", ["responder.name", "responder.role", "responder.agency"])},
    CR: {"raiser": (None, ["raiser.name", "raiser.role", "raiser.agency", "raiser.contact"]),
         "text": (None, ["dispute.summary", "dispute.actions_taken", "dispute.outcome", "dispute.meeting_request"])},
}
MOVES = {SM: [("raiser", "responder"), ("monitoring", "raiser")], WS: [("raiser", "responder"), ("child", "raiser")],
         BO: [("raiser", "responder"), ("child", "raiser")], CR: [("raiser", "text")]}

# Signature groups for the hard layouts: (signature key, heading id, rows of the party in order).
SIG_GROUPS = {
    SM: [("raiser.signature", "@raiser", ["raiser.signature", "raiser.name", "raiser.role", "raiser.agency"]),
         ("responder.signature", "@responder", ["responder.signature", "responder.name", "responder.role",
                                                "responder.agency"])],
    WS: [("raiser.signature", "§Person escalating", ["raiser.name", "raiser.role", "raiser.agency", "raiser.email",
                                                     "raiser.phone", "raiser.signature", "raiser.signed_on"])],
    BO: [("raiser.signature", "@raiser-manager", ["raiser.manager", "raiser.signature"]),
         ("responder.signature", "@responder-manager", ["responder.manager", "responder.signature",
                                                        "date.responded"])],
    CR: [(None, "@raiser", ["raiser.name", "raiser.role", "raiser.agency", "raiser.contact"])],
}
SIG_LAYOUTS = ["value-cell", "label-cell", "below", "empty-rows", "merged-column", "merged-party"]


def row_id(row: ms.Row) -> str:
    return row.key or "§" + re.split(r" – |:", row.label)[0].strip()


# --------------------------------------------------------------------------------------------
# The wording rules, asserted at every run against FORMS.md and mappings/forms/*.yaml as they are


def norm(text: str) -> str:
    """Case and punctuation ignored, spaces too: "E-mail" = "Email", "Child's" = "Childs"."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def yaml_strings(path: Path) -> list:
    try:
        import yaml
    except ImportError:      # a plain reading of every scalar is enough to compare wordings
        return [m.group(1).strip("'\"") for m in re.finditer(r"(?m)^\s*(?:-\s+)?(?:[\w.]+:\s+)?(.+?)\s*$",
                                                             path.read_text()) if not m.group(1).startswith("#")]
    out = []

    def walk(node):
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            out.append(node)
    walk(yaml.safe_load(path.read_text()))
    return out


def known_wordings() -> dict:
    """norm -> where it comes from: official labels, older wordings, PDF names, every mapping string."""
    known = {}
    for form in ms.FORMS.values():
        for r in form.rows:
            for w in [r.label, *r.old, *r.pdf.split(";")]:
                if w.strip():
                    known.setdefault(norm(w), f"FORMS.md {form.partnership}: {w.strip()}")
        b = ms.DocxBuilder(form, Sample("x", form.partnership, "docx", {}, "x"))
        for xml in b.rows:      # the blank's own cell text (long labels run on past FORMS.md's cut)
            first = re.findall(r"<w:tc>.*?</w:tc>", xml, re.S)[0]
            known.setdefault(norm("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", first))), "blank DOCX label")
    for y in sorted((ROOT / "mappings" / "forms").glob("*.yaml")):
        for s in yaml_strings(y):
            known.setdefault(norm(s), f"{y.name}: {s}")
    known.pop("", None)
    return known


def pool_wordings(pool: dict, form: str, rid: str, standalone: bool) -> list:
    """The wordings a row may take: standalone ones for party rows out of their block."""
    table, alone = pool["labels"][form].get(rid, []), pool["standalone"][form].get(rid, [])
    if rid in PARTY_ROWS[form]:
        return alone if standalone else table
    return table + alone if standalone else table


def check_pools():
    known = known_wordings()
    problems, seen = [], {}
    for name, pool in POOLS.items():
        for form, rows in pool["labels"].items():
            ids = [row_id(r) for r in ms.FORMS[form].rows]
            heads = [g[1] for g in SIG_GROUPS[form] if g[1].startswith("@")]
            for rid in ids + heads:
                if len(rows.get(rid, [])) < 3:
                    problems.append(f"{name} {form} {rid}: fewer than 3 rewordings")
            for rid in PARTY_ROWS[form]:
                if len(pool["standalone"][form].get(rid, [])) < 2:
                    problems.append(f"{name} {form} {rid}: fewer than 2 standalone wordings")
            owner = {}
            for rid in list(rows) + list(pool["standalone"][form]):
                for w in dict.fromkeys(rows.get(rid, []) + pool["standalone"][form].get(rid, [])):
                    n = norm(w)
                    if n in known:
                        problems.append(f"{name} {form} {rid}: '{w}' is a known wording ({known[n]})")
                    other = owner.setdefault(n, rid)
                    if other != rid and not (other in PARTY_ROWS[form] and rid in PARTY_ROWS[form]
                                             and other.split(".")[1] == rid.split(".")[1]):
                        problems.append(f"{name} {form}: '{w}' is used by both {other} and {rid}")
                    seen.setdefault(n, {}).setdefault(name, w)
        for label, _ in pool["extra_rows"]:
            if norm(label) in known:
                problems.append(f"{name} extra row '{label}' is a known wording")
            seen.setdefault(norm(label), {}).setdefault(name, label)
    for n, by in seen.items():
        if len(by) > 1:
            if "unseen" in by:      # never show a held-out wording, not even in an error
                problems.append(f"{' and '.join(sorted(by))} share a wording (not shown: unseen is held out)")
            else:
                problems.append(f"{' and '.join(sorted(by))} share the wording "
                                + " / ".join(f"'{w}'" for w in by.values()))
    assert not problems, "rewording pools break the rules:\n  " + "\n  ".join(problems)


# --------------------------------------------------------------------------------------------
# Values: invented people and agencies (e-mail on *.example, phones in the Ofcom drama range)

FIRST = ("Aisha Ben Carys Dev Eilidh Femi Grace Harun Isla Jonah Kiran Lena Marek Nia Omar Priya Rhian Sanjay Tess "
         "Uma Victor Wren Yusuf Zara Amelia Bilal Chloe Dylan Erin Fraser Gita Hamza Imogen Jasper Keeley Lucia "
         "Mohammed Niamh Olu Petra").split()
LAST = ("Ahmed Barker Chowdhury Dlamini Evans Fairclough Gallagher Hussain Ingram Jablonski Kaur Lindqvist Mensah "
        "Nakamura Okafor Pearce Quinlan Rahman Sutcliffe Thorne Umeh Varga Whitworth Yilmaz Zielinski Ashcroft "
        "Brennan Crowther Duffy Ellison Fenwick Goddard Hale Iqbal Jowett").split()
CHILD_FIRST = "Maisie Kacper Amara Oliver Ruby Leo Freya Tyler Aaliyah Jayden Poppy Reuben Skye Ibrahim Elsie".split()
CHILD_LAST = "Hartley Nowicki Oyelaran Penhaligon Tozer Bramwell Kowalski Adeyemi Ridley Sandhu Marsh Dunmore".split()
AGENCIES = [
    ("St Anselm's Primary School", "stanselms.sch.example", ["Designated Safeguarding Lead", "Headteacher", "Deputy Head"]),
    ("Children's Social Care – Front Door", "csc.council.example", ["Team Manager", "Senior Social Worker",
                                                                     "Service Manager"]),
    ("Early Help Service", "earlyhelp.council.example", ["Early Help Practitioner", "Early Help Team Manager"]),
    ("Example Community NHS Trust", "trust.nhs.example", ["Named Nurse for Safeguarding", "Health Visitor",
                                                          "School Nurse"]),
    ("Public Protection Unit, Example Constabulary", "police.example", ["Detective Sergeant", "Detective Inspector"]),
    ("Youth Justice Service", "yjs.council.example", ["Practice Manager", "Case Manager"]),
    ("CAMHS (Example Partnership Trust)", "camhs.nhs.example", ["CAMHS Team Lead", "Clinical Psychologist"]),
    ("Housing Options Team", "housing.council.example", ["Housing Options Manager", "Senior Housing Officer"]),
    ("Harbour Family Trust", "harbour.agency.example", ["Practice Lead", "Family Support Worker"]),
    ("Adult Mental Health Service", "amhs.nhs.example", ["Care Coordinator", "Team Manager"]),
    ("Riverside Academy", "riverside.sch.example", ["Assistant Head (Pastoral)", "Designated Safeguarding Lead"]),
    ("Children's Social Care – Assessment Team", "assess.council.example", ["Team Manager", "Social Worker"]),
]
ISSUES = ["poor school attendance", "repeated missing episodes", "neglect of medical needs",
          "domestic abuse in the household", "self-harm", "possible criminal exploitation",
          "an unexplained bruise", "weight loss and missed health appointments", "unsuitable emergency accommodation"]
SUMMARY_1 = ["{B} closed the referral at the front door with advice only; {A} has continuing concerns about {issue}.",
             "{A} asked {B} for a strategy discussion about {issue}; the request was declined.",
             "The referral from {A} about {issue} was stepped down to Early Help without a home visit.",
             "{B} declined a service because the family did not consent, despite concerns about {issue}."]
SUMMARY_2 = ["{B}'s view is that the threshold for a statutory assessment is not met.",
             "{A} considers that the concerns meet the threshold for a Child and Family Assessment.",
             "Both agencies agree support is needed but disagree about which service should lead."]
ACTIONS = ["Practitioners spoke on {d1}; managers discussed the case on {d2} without agreement.",
           "Telephone discussion on {d1}, followed by an e-mail setting out the concerns on {d2}.",
           "Team managers met on {d1}; Heads of Service spoke on {d2}."]
OUTCOMES = ["Agreed that {B} will complete an assessment within 10 working days.",
            "Not resolved: {B} upheld the original decision; escalated to the next stage.",
            "Joint home visit arranged for {d3}; the case will be reviewed afterwards.",
            "Referral accepted and allocated to a social worker on {d3}."]
DESIRED = ["A Child and Family Assessment is completed and the child is seen on their own.",
           "A strategy discussion is convened and an exploitation risk assessment completed.",
           "The referral is accepted and the family are offered a service."]
FEEDBACK = ["Clear and quick once the managers spoke.", "The form is short and easy to use.",
            "A contact list for each agency would help.", "Timescales were hard to meet during the school holidays."]
MEETING = ["We request a CSCB led Dispute Resolution Meeting to consider the threshold applied.",
           "Please convene a Dispute Resolution Meeting: the agencies remain in disagreement after three discussions."]
PART_C = ["{A} asks for referral to the statutory safeguarding partners: the response does not address the risk.",
          "The difference remains after Formal Resolution; {A} requests Partnership Resolution."]
WS_STAGES = {k: t for t, k in ms.FORMS[WS].rows[1].options}
BOLTON_THEMES = [t for t, _ in ms.FORMS[BO].rows[[r.key for r in ms.FORMS[BO].rows].index("dispute.themes")].options]
WS_THEMES = [t for t, _ in ms.FORMS[WS].rows[[r.key for r in ms.FORMS[WS].rows].index("dispute.themes")].options]


def add_working_days(start: date, n: int) -> date:
    d = start
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5 and d not in ms.BANK_HOLIDAYS:
            n -= 1
    return d


class Maker:
    """Seeded inventor of one document's people, agencies, dates and texts."""

    def __init__(self, rnd: random.Random):
        self.rnd = rnd

    def pick(self, seq):
        return self.rnd.choice(seq)

    def person(self):
        return self.pick(FIRST), self.pick(LAST)

    def two_agencies(self):
        a, b = self.rnd.sample(AGENCIES, 2)
        return a, b

    def email(self, first, last, domain):
        return f"{first}.{last}@{domain}".lower().replace("'", "")

    def phone(self):
        n = self.rnd.randint(100, 999)
        return self.pick([f"01632 960{n}", f"+44 1632 960{n}", f"01632960{n}", f"(01632) 960{n}"])

    def day(self, lo: str, hi: str) -> date:
        a, b = date.fromisoformat(lo), date.fromisoformat(hi)
        d = a + timedelta(days=self.rnd.randint(0, (b - a).days))
        while d.weekday() >= 5 or d in ms.BANK_HOLIDAYS:
            d += timedelta(days=1)
        return d

    def texts(self, a, b, before: date, child: str | None = None):
        issue = self.pick(ISSUES)
        who = {"A": a[0], "B": b[0], "issue": issue}
        p1 = self.pick(SUMMARY_1).format(**who)
        if child:           # forms that may name the child say who it is about
            p1 += f" {child} is known to both agencies."
        summary = [p1, self.pick(SUMMARY_2).format(**who)] if self.rnd.random() < 0.6 else p1
        d1, d2 = before - timedelta(days=self.rnd.randint(8, 14)), before - timedelta(days=self.rnd.randint(1, 6))
        fmt = lambda d: d.strftime("%d/%m/%Y")  # noqa: E731
        actions = self.pick(ACTIONS).format(d1=fmt(d1), d2=fmt(d2))
        outcome = self.pick(OUTCOMES).format(B=b[0], d3=fmt(before + timedelta(days=self.rnd.randint(3, 9))))
        return summary, actions, outcome

    def party(self, agency, prefix):
        first, last = self.person()
        return {f"{prefix}.name": f"{first} {last}", f"{prefix}.role": self.pick(agency[2]),
                f"{prefix}.agency": agency[0]}, (first, last)


def monitoring_values(mk: Maker) -> dict:
    a, b = mk.two_agencies()
    child = f"{mk.pick(CHILD_FIRST)} {mk.pick(CHILD_LAST)}"
    when = mk.day("2026-01-12", "2026-11-13")
    summary, _, outcome = mk.texts(a, b, when, child.split()[0])
    raiser, _ = mk.party(a, "raiser")
    responder, _ = mk.party(b, "responder")
    return {"child.name": child, "dispute.summary": summary, "dispute.outcome": outcome,
            **raiser, "raiser.signature": Sig("typed", raiser["raiser.name"]),
            **responder, "responder.signature": Sig("typed", responder["responder.name"]),
            "resolution_stage": [mk.pick(["Stage 3", "Stage 4"])], "dispute.days_taken": mk.rnd.randint(1, 5),
            "feedback": mk.pick(FEEDBACK)}


def croydon_values(mk: Maker) -> dict:
    a, b = mk.two_agencies()
    when = mk.day("2026-01-12", "2026-11-13")
    summary, actions, outcome = mk.texts(a, b, when)
    raiser, (first, last) = mk.party(a, "raiser")
    email, phone = mk.email(first, last, a[1]), mk.phone()
    v = {**raiser, "raiser.contact": mk.pick([f"{email} / {phone}", phone, email, f"Tel {phone}, {email}"]),
         "dispute.summary": summary, "dispute.actions_taken": actions, "dispute.outcome": outcome}
    if outcome.startswith("Not resolved") or mk.rnd.random() < 0.4:
        v["dispute.meeting_request"] = mk.pick(MEETING)
    return v


def west_sussex_values(mk: Maker) -> dict:
    a, b = mk.two_agencies()
    when = mk.day("2026-01-12", "2026-11-13")
    summary, actions, outcome = mk.texts(a, b, when)
    raiser, (first, last) = mk.party(a, "raiser")
    responder, _ = mk.party(b, "responder")
    initials = f"{mk.pick(CHILD_FIRST)[0]}.{mk.pick(CHILD_LAST)[0]}."
    return {"date.completed": D(when.isoformat()), "stage": [WS_STAGES[mk.pick([3, 3, 4, 4, 5, 6])]],
            **raiser, "raiser.email": mk.email(first, last, a[1]), "raiser.phone": mk.phone(), **responder,
            "child.name": initials, "child.reference": f"WS/26/{mk.rnd.randint(10000, 99999)}",
            "dispute.themes": mk.rnd.sample(WS_THEMES, mk.rnd.randint(1, 3)), "dispute.summary": summary,
            "dispute.actions_taken": actions,
            "dispute.timeframe": mk.pick(["5 working days", "10 working days",
                                          f"By {(when + timedelta(days=14)).strftime('%d/%m/%Y')}"]),
            "dispute.outcome": outcome, "raiser.signature": Sig("typed", raiser["raiser.name"]),
            "raiser.signed_on": D((when + timedelta(days=mk.pick([0, 0, 1]))).isoformat())}


def bolton_values(mk: Maker, part_b: str = "answered", late: bool = False) -> dict:
    """part_b: answered, pending-recent (sent under 10 working days ago), pending-old."""
    a, b = mk.two_agencies()
    lo, hi = {"answered": ("2026-01-12", "2026-10-20"), "pending-recent": ("2026-11-09", "2026-11-17"),
              "pending-old": ("2026-03-02", "2026-10-30")}[part_b]
    sent = mk.day(lo, hi)
    completed = sent - timedelta(days=mk.pick([0, 0, 1, 3]))
    summary, actions, outcome = mk.texts(a, b, completed)
    raiser, (first, last) = mk.party(a, "raiser")
    responder, _ = mk.party(b, "responder")
    manager_a, manager_b = " ".join(mk.person()), " ".join(mk.person())
    v = {"date.completed": D(completed.isoformat()), "child.name": f"{mk.pick(CHILD_FIRST)} {mk.pick(CHILD_LAST)}",
         "child.dob": D(mk.day("2008-01-01", "2024-06-30").isoformat()),
         "child.reference": mk.pick([f"EHM-{mk.rnd.randint(10000, 99999)}", f"LCS {mk.rnd.randint(1000000, 9999999)}"]),
         **raiser, "raiser.email": mk.email(first, last, a[1]), "raiser.phone": mk.phone(),
         "raiser.manager": manager_a, **responder,
         "dispute.themes": mk.rnd.sample(BOLTON_THEMES, mk.rnd.randint(1, 3)), "dispute.summary": summary,
         "dispute.actions_taken": actions, "dispute.desired_outcome": mk.pick(DESIRED),
         "raiser.signature": Sig("typed", manager_a), "date.sent": D(sent.isoformat()),
         "stage": ["Formal Resolution"]}
    if part_b == "answered":
        responded = add_working_days(sent, mk.rnd.randint(11, 15) if late else mk.rnd.randint(2, 10))
        v.update({"date.received": D(min(add_working_days(sent, mk.pick([0, 1, 1, 2])), responded).isoformat()),
                  "dispute.outcome": outcome, "dispute.resolved": [mk.pick(["Yes", "No"])],
                  "responder.manager": manager_b, "responder.signature": Sig("typed", manager_b),
                  "date.responded": D(responded.isoformat())})
    return v


# --------------------------------------------------------------------------------------------
# Scenarios: what the person filling the form did (each changes values; truth follows from them)

SCENARIOS = {
    SM: ["clean"] * 10 + ["missing-field"] * 3 + ["row-deleted"] * 2 + ["unsigned"] * 4 + ["missing-stage"] * 2
        + ["stage-in-filename"] * 2 + ["stage-not-allowed"] * 2 + ["timescale"] * 3 + ["empty-optional"] * 2,
    WS: ["clean"] * 10 + ["missing-field"] * 3 + ["row-deleted"] * 2 + ["unsigned"] * 3 + ["missing-stage"] * 2
        + ["stage-in-filename"] * 2 + ["stage-not-allowed"] * 3 + ["invalid-email", "invalid-phone", "invalid-date"]
        + ["empty-optional"] * 2,
    BO: ["ontime"] * 6 + ["late"] * 4 + ["pending-overdue"] * 3 + ["pending"] * 2 + ["bank-holiday"]
        + ["inconsistent-outcome"] * 2 + ["partnership"] * 2 + ["missing-field"] * 3 + ["row-deleted"] * 2
        + ["unsigned"] * 3 + ["missing-stage", "stage-in-filename"],
    CR: ["clean"] * 14 + ["missing-stage"] * 3 + ["missing-field"] * 4 + ["row-deleted"] * 2 + ["child-details"] * 3
        + ["stage-not-allowed"] + ["empty-optional"] * 3,
}
OPTIONAL_EMPTY = {SM: ["raiser.role", "responder.role", "raiser.agency", "feedback", "dispute.days_taken"],
                  WS: ["raiser.role", "raiser.email", "raiser.phone", "responder.role", "child.reference",
                       "dispute.timeframe", "dispute.outcome", "raiser.signed_on", "dispute.actions_taken"],
                  BO: ["child.dob", "child.reference", "raiser.email", "raiser.phone", "responder.role",
                       "dispute.desired_outcome", "date.completed", "responder.name"],
                  CR: ["raiser.role", "dispute.outcome", "dispute.actions_taken", "dispute.meeting_request"]}


def required_keys(form: str) -> list:
    return [r.key for r in ms.FORMS[form].rows if r.required and r.key]


def base_values(form: str, scenario: str, mk: Maker) -> dict:
    if form == BO:
        part_b = {"pending-overdue": "pending-old", "pending": "pending-recent"}.get(scenario, "answered")
        return bolton_values(mk, part_b, late=scenario == "late")
    return {SM: monitoring_values, WS: west_sussex_values, CR: croydon_values}[form](mk)


def apply_scenario(form: str, scenario: str, v: dict, mk: Maker) -> dict:
    """Changes the values for the scenario; returns {"drop": [...], "stage_in_name": N or None}."""
    out = {"drop": [], "stage_in_name": None, "child_details": None}
    stage_key = ms.FORMS[form].stage_key
    allowed = ms.FORMS[form].allowed
    if form == CR:              # no stage box: the stage is in the file name, or missing
        out["stage_in_name"] = None if scenario == "missing-stage" else 2 if scenario == "stage-not-allowed" \
            else mk.pick(allowed)
    if scenario in ("missing-field", "row-deleted"):
        key = mk.pick([k for k in required_keys(form) if k in v])
        v.pop(key) if scenario == "row-deleted" else v.update({key: None})
        if scenario == "row-deleted":
            out["drop"].append(key)
    elif scenario == "unsigned":
        sigs = [k for k in ("raiser.signature", "responder.signature") if k in v]
        v[mk.pick(sigs)] = Sig("empty")
    elif scenario in ("missing-stage", "stage-in-filename") and form != CR:
        v[stage_key] = None
        if scenario == "stage-in-filename":
            out["stage_in_name"] = mk.pick(allowed)
    elif scenario == "stage-not-allowed":
        if form == WS:
            v["stage"] = [WS_STAGES[mk.pick([1, 2])]]
        elif form == SM:
            v["resolution_stage"] = Raw(mk.pick(["Stage 2", "Stage 2 (Manager to Manager)"]))
    elif scenario == "timescale":
        v["dispute.days_taken"] = mk.rnd.randint(6, 12)
    elif scenario == "empty-optional":
        for k in mk.rnd.sample(OPTIONAL_EMPTY[form], 2):
            v[k] = None
    elif scenario == "invalid-email":
        v["raiser.email"] = v["raiser.email"].replace("@", " at ")
    elif scenario == "invalid-phone":
        v["raiser.phone"] = v["raiser.phone"][:8]
    elif scenario == "invalid-date":
        v["raiser.signed_on"] = Raw(mk.pick(["31/09/2026", "30/02/2026"]))
    elif scenario == "child-details":
        name = f"{mk.pick(CHILD_FIRST)} {mk.pick(CHILD_LAST)}"
        text = v["dispute.summary"] if isinstance(v["dispute.summary"], str) else v["dispute.summary"][0]
        extra = mk.pick([f" The young person is {name}.", f" (Young person's DOB {mk.day('2009-01-01', '2012-12-31').strftime('%d/%m/%Y')}.)"])
        v["dispute.summary"] = text + extra if isinstance(v["dispute.summary"], str) else [text + extra] + v["dispute.summary"][1:]
        out["child_details"] = "dispute.summary"
    elif scenario == "bank-holiday":   # sent the week before a bank holiday, answered on working day 10
        sent = date.fromisoformat(mk.pick(["2026-05-19", "2026-08-21", "2026-03-30", "2026-04-28"]))
        v["date.completed"] = D((sent - timedelta(days=1)).isoformat())
        v["date.sent"] = D(sent.isoformat())
        v["date.received"] = D(add_working_days(sent, 1).isoformat())
        v["date.responded"] = D(add_working_days(sent, 10).isoformat())
    elif scenario == "inconsistent-outcome":
        v["dispute.resolved"] = ["Yes"]
        v["partnership_request.reason"] = mk.pick(PART_C).format(A=v["raiser.agency"])
        v["partnership_request.date"] = D((date.fromisoformat(v["date.responded"].iso) + timedelta(days=2)).isoformat())
    elif scenario == "partnership":
        v["stage"] = ["Partnership Resolution"]
        v["dispute.resolved"] = ["No"]
        v["partnership_request.reason"] = mk.pick(PART_C).format(A=v["raiser.agency"])
        v["partnership_request.date"] = D((date.fromisoformat(v["date.responded"].iso) + timedelta(days=3)).isoformat())
    return out


# --------------------------------------------------------------------------------------------
# Document specifications: layout slot x scenario, labels, row plan

@dataclass
class Spec:
    name: str
    form: str
    fmt: str                      # docx, pdf-from-docx
    layout: str                   # table, free-text
    scenario: str
    sample: Sample
    mods: list = field(default_factory=list)       # reorder, move, drop, extra
    sig_layout: str | None = None
    labels: dict = field(default_factory=dict)     # row id -> printed wording (None: the blank's own)
    order: list = field(default_factory=list)      # plan items, see plan_table / plan_free_text
    tags: list = field(default_factory=list)


DOCX_TICKS = ["sdt", "fc-default", "fc-checked", "ballot-x", "ballot-check", "check", "heavy-check", "wd-sym-fe",
              "wd-sym-fd", "wd-text", "x", "bracket-x", "yes", "deleted"]
# A LibreOffice export keeps only glyphs as text: legacy form fields and Wingdings would not survive as ticks.
PDF_TICKS = ["sdt", "ballot-x", "ballot-check", "check", "heavy-check", "x", "bracket-x", "yes", "deleted"]
DATE_STYLES = ["slash", "dots", "ordinal", "month-first", "short-month", "long"]
SLUG = {SM: "south-glos-monitoring-form", WS: "west-sussex-escalation-template", BO: "bolton-rpde-form",
        CR: "croydon-escalation-notification"}


def slots(form: str) -> list:
    """(layout, fmt, mods, sig layout) for the documents of one form."""
    d, p = "docx", "pdf-from-docx"
    if form == CR:
        t = [("table", d, m, None) for m in ([], [], ["reorder"], ["move"], ["drop"], ["extra"], ["reorder", "extra"],
                                             ["move", "drop"], ["move"], ["extra"], ["reorder"], [])]
        t += [("table", p, m, None) for m in ([], [], ["reorder"], ["move"], ["extra"], ["drop"], ["move", "extra"], [])]
        t += [("free-text", f, [], None) for f in (d, d, d, d, p, p)]
        t += [("table", f, [], "merged-party") for f in (d, d, p, p)]
        return t
    t = [("table", d, m, None) for m in ([], ["reorder"], ["move"], ["drop"], ["extra"], ["reorder", "extra"],
                                         ["move", "drop"], [])]
    t += [("table", p, m, None) for m in ([], ["reorder"], ["move"], ["extra"], ["drop"])]
    t += [("free-text", f, [], None) for f in (d, d, d, p, p)]
    t += [("table", f, [], lay) for lay in SIG_LAYOUTS for f in (d, p)]
    return t


def compatible(form: str, slot, scenario: str) -> bool:
    sig_layout = slot[3]
    if sig_layout and form == WS and scenario == "unsigned":
        return False                 # the only signature would be empty: nothing to lay out
    if sig_layout and scenario == "row-deleted":
        return False                 # keeps the party block whole for the merged layouts
    return True


class Labeller:
    """Hands out each row's wordings in turn (shuffled by seed), so every wording is used."""

    def __init__(self, pool: dict, rnd: random.Random):
        self.pool, self.rnd, self.cursor = pool, rnd, {}

    def take(self, form: str, rid: str, standalone: bool) -> str:
        options = pool_wordings(self.pool, form, rid, standalone)
        key = (form, rid, standalone)
        if key not in self.cursor:
            order = list(range(len(options)))
            self.rnd.shuffle(order)
            self.cursor[key] = [order, 0]
        order, i = self.cursor[key]
        self.cursor[key][1] = i + 1
        return options[order[i % len(order)]]


def styled(text: str, rnd: random.Random, required: bool, free_text: bool) -> str:
    """Trailing colons and asterisks, case changes: how retyped labels differ beyond wording."""
    r = rnd.random()
    if r < 0.55:
        return text
    if r < 0.70 and not free_text and not text.endswith("?"):
        return text + ":"
    if r < 0.80 and required:
        return text + (" *" if rnd.random() < 0.5 else "*")
    if r < 0.88:
        return text.upper()
    if r < 0.94:        # sentence case; "Agency A", "SPOC", "D.O.B." keep their capitals
        words = [w if w.isupper() else w.lower() for w in text.split(" ")]
        return " ".join(words)[0].upper() + " ".join(words)[1:]
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def standalone_needed(form: str, rid: str, spec: Spec) -> bool:
    """Party rows outside a block that shows their heading take wordings that stand alone."""
    if rid not in PARTY_ROWS[form]:
        return False
    if spec.layout == "free-text":
        return True
    if spec.sig_layout and spec.sig_layout not in ("value-cell", "merged-party"):
        # the monitoring form's block is headed by its signature row, which these layouts break up
        return form == SM
    return False


def choose_labels(spec: Spec, ids: list, labeller: Labeller, rnd: random.Random, p_reword: float):
    form = ms.FORMS[spec.form]
    rows = {row_id(r): r for r in form.rows}
    for rid in ids:
        row = rows.get(rid)
        must = standalone_needed(spec.form, rid, spec)
        if spec.layout == "free-text" or must or rid.startswith("@") or rnd.random() < p_reword:
            text = labeller.take(spec.form, rid, must or (spec.layout == "free-text"))
            spec.labels[rid] = styled(text, rnd, bool(row and row.required), spec.layout == "free-text")
        else:
            spec.labels[rid] = None


def segment(seq: list, ids: list):
    idx = sorted(seq.index(i) for i in ids if i in seq)
    assert idx == list(range(idx[0], idx[0] + len(idx))), ("block not contiguous", ids)
    return idx[0], idx[-1] + 1


def plan_table(spec: Spec, rnd: random.Random, pool: dict, drop: list):
    """The row plan: ("row", id) | ("extra", label, value) | ("block", layout, heading id, [ids], sig id)."""
    form = spec.form
    seq = [row_id(r) for r in ms.FORMS[form].rows if row_id(r) not in drop]
    blocks = BLOCKS[form]
    if "reorder" in spec.mods:
        name = rnd.choice(sorted(blocks))
        members = [m for m in blocks[name][1] if m in seq]      # the block's heading stays first
        a, b = segment(seq, members)
        shuffled = members[:]
        while shuffled == members and len(members) > 1:
            rnd.shuffle(shuffled)
        seq[a:b] = shuffled
        spec.tags.append("rows-reordered")
    if "move" in spec.mods:
        x, y = rnd.choice(MOVES[form])
        sx = [i for i in ([blocks[x][0]] if blocks[x][0] else []) + blocks[x][1] if i in seq]
        sy = [i for i in ([blocks[y][0]] if blocks[y][0] else []) + blocks[y][1] if i in seq]
        (a1, b1), (a2, b2) = sorted([segment(seq, sx), segment(seq, sy)])
        seq = seq[:a1] + seq[a2:b2] + seq[b1:a2] + seq[a1:b1] + seq[b2:]
        spec.tags.append("blocks-moved")
    if "drop" in spec.mods:
        rows = {row_id(r): r for r in ms.FORMS[form].rows}
        optional = [i for i in seq if rows[i].key and not rows[i].required and rows[i].type not in
                    ("signature", "one", "any")]
        gone = rnd.choice(optional)
        seq.remove(gone)
        spec.sample.values.pop(rows[gone].key, None)
        spec.tags.append("row-dropped")
    if drop:
        spec.tags.append("row-dropped")
    items = [("row", i) for i in seq]
    if spec.sig_layout in ("merged-column", "merged-party"):
        items = merge_blocks(spec, items)
    if "extra" in spec.mods:
        for label, value in rnd.sample(pool["extra_rows"], rnd.choice([1, 2])):
            items.insert(rnd.choice([0, len(items)]), ("extra", label, value))
        spec.tags.append("extra-row")
    spec.order = items


def merge_blocks(spec: Spec, items: list) -> list:
    """Gathers each signature group into one block at the place of its first row."""
    for sig, head, ids in SIG_GROUPS[spec.form]:
        if spec.sig_layout == "merged-column" and sig is None:
            continue
        present = [i for i in ids if ("row", i) in items]
        at = min(items.index(("row", i)) for i in present)
        if spec.sig_layout == "merged-party" and ("row", head) in items:
            at = items.index(("row", head))          # the heading moves into the merged first column
            items.remove(("row", head))
        items = [it for it in items if not (it[0] == "row" and it[1] in present)]
        members = [i for i in present if i != sig] if spec.sig_layout == "merged-column" else present
        items.insert(at, ("block", spec.sig_layout, head, members, sig))
    return items


def plan_free_text(spec: Spec, rnd: random.Random, drop: list):
    items = []
    for r in ms.FORMS[spec.form].rows:
        rid = row_id(r)
        if rid in drop:
            continue
        if r.type in ("section", "note") and rnd.random() < (0.4 if r.type == "note" else 0.25):
            continue        # older copies often left the headings and notes out
        items.append(("row", rid))
    spec.order = items


def make_specs(set_name: str) -> list:
    seed, pool = SEEDS[set_name], POOLS[set_name]
    specs = []
    for form in (BO, CR, SM, WS):
        rnd = random.Random(f"{seed}/{form}")
        labeller = Labeller(pool, random.Random(f"{seed}/{form}/labels"))
        form_slots = slots(form)
        rnd.shuffle(form_slots)
        scenarios = list(SCENARIOS[form])
        rnd.shuffle(scenarios)
        assert len(scenarios) == len(form_slots), (form, len(scenarios), len(form_slots))
        for n, slot in enumerate(form_slots, 1):
            scenario = next(s for s in scenarios if compatible(form, slot, s))
            scenarios.remove(scenario)
            specs.append(make_spec(form, n, slot, scenario, random.Random(f"{seed}/{form}/{n}"), pool, labeller))
    return specs


def make_spec(form, n, slot, scenario, rnd, pool, labeller) -> Spec:
    layout, fmt, mods, sig_layout = slot
    mk = Maker(rnd)
    values = base_values(form, scenario, mk)
    effects = apply_scenario(form, scenario, values, mk)
    stage = effects["stage_in_name"]
    name = f"{SLUG[form]}-{n:03d}" + (f"-stage{stage}" if stage else "") + (".docx" if fmt == "docx" else ".pdf")
    tick = rnd.choice(PDF_TICKS if fmt != "docx" else DOCX_TICKS)
    sample = Sample(name, form, fmt, values, scenario, tick=tick, date_style=rnd.choice(DATE_STYLES),
                    layout="free-text" if layout == "free-text" else "table",
                    content_controls=layout == "table" and fmt == "docx" and not sig_layout and rnd.random() < 0.2,
                    child_details=effects["child_details"])
    spec = Spec(name, form, fmt, layout, scenario, sample, list(mods), sig_layout)
    sign(spec, rnd)
    if sample.content_controls:
        for k in [k for k in OPTIONAL_EMPTY[form] if values.get(k) is None and k in values]:
            values[k] = Placeholder(date=any(r.key == k and r.type == "date" for r in ms.FORMS[form].rows))
    if rnd.random() < 0.25:           # dates typed in more than one style in one document
        for k, v in list(values.items()):
            if isinstance(v, D) and rnd.random() < 0.5:
                values[k] = D(v.iso, rnd.choice(DATE_STYLES))
    if layout == "free-text":
        plan_free_text(spec, rnd, effects["drop"])
        if effects["drop"]:
            spec.tags.append("row-dropped")
    else:
        plan_table(spec, rnd, pool, effects["drop"])
    ids = [it[1] for it in spec.order if it[0] == "row"] + [i for it in spec.order if it[0] == "block"
                                                            for i in it[3] + ([it[4]] if it[4] else [])]
    ids += [it[2] for it in spec.order if it[0] == "block" and it[1] == "merged-party"]
    # half the hard signature layouts keep the official labels, so that layout and wording can be told apart
    p_reword = 1.0 if layout == "free-text" else 0.0 if sig_layout and rnd.random() < 0.5 else 0.85
    choose_labels(spec, list(dict.fromkeys(ids)), labeller, rnd, p_reword)
    reworded = [rid for rid, text in spec.labels.items() if text is not None and not rid.startswith("@")]
    if layout == "table" and reworded:
        spec.tags.insert(0, "reworded")
    return spec


def sign(spec: Spec, rnd: random.Random):
    """Signature kinds: pictures in the hard layouts, else typed, /s/ or a picture in the cell."""
    for row in ms.FORMS[spec.form].rows:
        if row.type != "signature":
            continue
        v = spec.sample.values.get(row.key)
        if not isinstance(v, Sig) or v.kind == "empty":
            continue
        if spec.sig_layout:
            kind = "image"
        else:
            kind = rnd.choice(["typed", "typed", "slash-s", "image"])
        spec.sample.values[row.key] = Sig(kind, v.name)
    has_image = any(isinstance(v, Sig) and v.kind == "image" for v in spec.sample.values.values())
    if has_image and spec.layout == "table":
        spec.tags.append("sig-layout:" + (spec.sig_layout or "value-cell"))
    if spec.sig_layout in ("merged-column", "merged-party"):
        spec.tags.append("merged-cells")
    if spec.sig_layout == "empty-rows":
        spec.tags.append("extra-empty-rows")
    if spec.sig_layout == "below":
        spec.tags.append("value-below")


# --------------------------------------------------------------------------------------------
# DOCX writing: make_samples' builder with the row plan, rewordings and signature layouts

LABEL_RPR = '<w:b/><w:sz w:val="19"/><w:szCs w:val="19"/>'
NOTE_RPR = '<w:sz w:val="19"/><w:szCs w:val="19"/>'
GRIDS = {None: [3600, 6038], "merged-column": [3600, 3838, 2200], "merged-party": [2000, 2600, 5038]}


class VariantBuilder(ms.DocxBuilder):
    def __init__(self, spec: Spec):
        super().__init__(ms.FORMS[spec.form], spec.sample)
        self.spec = spec
        self.by_id = {row_id(r): r for r in self.form.rows}
        self.trpr, self.label_inner = {}, {}
        for xml, r in zip(self.rows, self.form.rows):
            self.trpr[row_id(r)] = (re.search(r"<w:trPr>.*?</w:trPr>", xml) or [""])[0]
            first = re.findall(r"<w:tc>.*?</w:tc>", xml, re.S)[0]
            self.label_inner[row_id(r)] = first[first.index("</w:tcPr>") + len("</w:tcPr>"):-len("</w:tc>")]
        mode = spec.sig_layout if spec.sig_layout in ("merged-column", "merged-party") else None
        self.mode, self.grid = mode, GRIDS[mode]

    # ---- cells
    def tc(self, width, inner, span=1, fill=None, vmerge=None):
        pr = f'<w:tcW w:w="{width}" w:type="dxa"/>' + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
        pr += {"restart": '<w:vMerge w:val="restart"/>', "continue": "<w:vMerge/>"}.get(vmerge, "")
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        return f"<w:tc><w:tcPr>{pr}</w:tcPr>{inner or self.para('')}</w:tc>"

    def full(self, inner, fill=None):
        return self.tc(sum(self.grid), inner, len(self.grid), fill)

    def pair(self, label_inner, value_inner):
        """A label cell and a value cell across the whole width, whatever the grid."""
        ls = 2 if self.mode == "merged-party" else 1
        return (self.tc(sum(self.grid[:ls]), label_inner, ls, "E7E6E6")
                + self.tc(sum(self.grid[ls:]), value_inner, len(self.grid) - ls))

    @staticmethod
    def tr(cells, trpr=""):
        return f"<w:tr>{trpr}{cells}</w:tr>"

    def label_xml(self, rid):
        text = self.spec.labels.get(rid)
        if text is None:
            return self.label_inner[rid]
        row = self.by_id.get(rid)
        return self.para(self.run(text, NOTE_RPR if row is not None and row.type == "note" else LABEL_RPR))

    def values_xml(self, rid):
        row = self.by_id[rid]
        return "".join(self.value_paras(row, self.sample.values.get(row.key)))

    # ---- rows
    def row_xml(self, rid):
        row = self.by_id[rid]
        if row.type == "section":
            return self.tr(self.full(self.label_xml(rid), "BDD6EE"))
        if row.type == "note":
            return self.tr(self.pair(self.label_xml(rid), ""))
        lab, val, trpr = self.label_xml(rid), self.values_xml(rid), self.trpr[rid]
        lay = self.spec.sig_layout if row.type == "signature" else None
        if lay == "label-cell":              # the picture sits in the label's own cell
            return self.tr(self.full(lab + val), trpr)
        if lay == "below":                   # label across the table, picture in the row under it
            return self.tr(self.full(lab, "E7E6E6")) + self.tr(self.full(val), trpr)
        if lay == "empty-rows":              # label, then empty rows, then the picture in the value column
            gap = "".join(self.tr(self.pair("", "")) for _ in range(1 + len(rid) % 2))
            return self.tr(self.pair(lab, "")) + gap + self.tr(self.pair("", val), trpr)
        return self.tr(self.pair(lab, val), trpr)

    def block_xml(self, layout, head, members, sig):
        out = []
        g = self.grid
        for i, rid in enumerate(members):
            first = "restart" if i == 0 else "continue"
            lab_val = (self.tc(g[0 if layout == "merged-column" else 1], self.label_xml(rid), fill="E7E6E6")
                       + self.tc(g[1 if layout == "merged-column" else 2], self.values_xml(rid)))
            if layout == "merged-column":    # the signature label and picture fill a merged third column
                side = self.label_xml(sig) + self.values_xml(sig) if i == 0 else ""
                out.append(self.tr(lab_val + self.tc(g[2], side, vmerge=first), self.trpr[rid]))
            else:                            # the party heading fills a merged first column
                text = self.spec.labels.get(head) or self.by_id[head].label
                side = self.para(self.run(text, LABEL_RPR)) if i == 0 else ""
                out.append(self.tr(self.tc(g[0], side, fill="BDD6EE", vmerge=first) + lab_val, self.trpr[rid]))
        return "".join(out)

    def table_rows(self):
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in self.grid)
        head = re.sub(r"<w:tblGrid>.*?</w:tblGrid>", f"<w:tblGrid>{grid}</w:tblGrid>", self.tbl_open)
        out = []
        for it in self.spec.order:
            if it[0] == "row":
                out.append(self.row_xml(it[1]))
            elif it[0] == "extra":
                out.append(self.tr(self.pair(self.para(self.run(it[1], LABEL_RPR)),
                                             self.para(self.run(it[2])) if it[2] else "")))
            else:
                out.append(self.block_xml(*it[1:]))
        return head + "".join(out) + "</w:tbl>"

    # ---- free text
    def free_text(self):
        out, rnd = [], random.Random(self.spec.name)
        for _, rid in self.spec.order:
            row = self.by_id[rid]
            text = self.spec.labels.get(rid) or row.label
            if row.type == "section":
                out.append(self.para(self.run(text.upper() if rnd.random() < 0.5 else text, "<w:b/>"), after=80))
                continue
            if row.type == "note":
                out.append(self.para(self.run(text, "<w:i/>")))
                continue
            head = self.run(text + (" " if text.endswith("?") else ": "), "<w:b/>")
            paras = self.value_paras(row, self.sample.values.get(row.key))
            value = self.sample.values.get(row.key)
            long = isinstance(value, list) and row.type not in ("one", "any") or row.type == "long"
            below = (long or row.type == "any" or (row.type == "one" and len(row.options) > 2)
                     or (row.type == "signature" and isinstance(value, Sig) and value.kind == "image"
                         and rnd.random() < 0.5) or rnd.random() < 0.1)
            if below:                        # "Label:" alone, the value in the paragraphs after it
                out.append(self.para(head))
                out += paras
            else:
                i = paras[0].index("</w:pPr>") + len("</w:pPr>")
                out.append(paras[0][:i] + head + paras[0][i:])
                out += paras[1:]
        return "".join(out)


# --------------------------------------------------------------------------------------------
# PDF export (one LibreOffice run for all files) and truth


def export_pdfs(docs: dict) -> dict:
    """stem -> DOCX bytes  =>  stem -> PDF bytes, with make_samples' fixed dates, ids and producer."""
    from pypdf import PdfReader, PdfWriter
    if not docs:
        return {}
    with tempfile.TemporaryDirectory() as td:
        src = Path(td) / "in"
        src.mkdir()
        for stem, data in docs.items():
            (src / (stem + ".docx")).write_bytes(data)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{LO_PROFILE}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(Path(td) / "out")] + [str(src / (s + ".docx")) for s in docs],
                       check=True, capture_output=True, timeout=3600)
        out = {}
        for stem in docs:
            writer = PdfWriter(clone_from=PdfReader(io.BytesIO((Path(td) / "out" / (stem + ".pdf")).read_bytes())))
            out[stem] = ms.finish_pdf(writer, stem, "LibreOffice 7.4")
        return out


def truth_for(spec: Spec) -> dict:
    t = ms.compute_truth(spec.sample, spec.name)
    tags = ms.variations(spec.sample, spec.name)
    t["variations"] = list(dict.fromkeys(tags[:1] + spec.tags + tags[1:]))
    return t


# --------------------------------------------------------------------------------------------
# Writing a corpus

README = {
    "dev": """# corpus/dev – variations to look at while tuning

Generated by `python3 tools/make_variants.py` (seed `{seed}`; `--check` rebuilds and compares
bytes). Do not edit by hand. Score an extraction with
`python3 tools/score.py corpus/dev RECORDS.jsonl --by-tag`.

These are the four forms as people retype them: every row's label (fields, section headings,
notes) reworded from the dev pool of rewordings in `tools/make_variants.py`, rows reordered
within a party block, blocks moved, optional rows dropped, unrelated rows added, old free-text
copies, signatures pasted as pictures into awkward places. The held-out twin, `corpus/unseen/`,
is made the same way from a different seed and a disjoint pool of rewordings.
""",
    "dev2": """# corpus/dev2 – a second set of variations to look at while tuning

Generated by `python3 tools/make_variants.py` (seed `{seed}`; `--check` rebuilds and compares
bytes). Do not edit by hand. Score an extraction with
`python3 tools/score.py corpus/dev2 RECORDS.jsonl --by-tag`.

Made exactly like `corpus/dev/` (same layouts and scenarios, same truth rules), from another
seed and a third pool of rewordings, `DEV2` in `tools/make_variants.py`, written in other
styles than dev's: labels as questions ("Who is the child?"), terse abbreviations ("CYP",
"Mgr sig.", "Ref no"), "Referrer", "Completed by", "Line manager", "Sign-off", numbering
("1.", "a)"), brackets, capitals and typing instructions ("(please print)", "(dd/mm/yyyy)").
It shares no wording with dev's or unseen's pool, nor with FORMS.md or the mappings.
""",
    "unseen": """# corpus/unseen – held out: measure on it, never read its wordings

Generated by `python3 tools/make_variants.py` (seed `{seed}`; `--check` rebuilds and compares
bytes). Do not edit by hand, and do not open the documents or tune on them: this corpus says
how extraction does on wordings nobody tuned for. Score with
`python3 tools/score.py corpus/unseen RECORDS.jsonl --by-tag` (it lists no documents here).

Made exactly like `corpus/dev/` (same layouts and scenarios, same truth rules), from another
seed and a pool of rewordings that shares no wording with dev's, nor with FORMS.md or the
mappings.
""",
}
README_TAIL = """
Each document `NAME` has `NAME.truth.json` in the format of `../../../shared/forms/filled`
(`file`, `kind`, `partnership`, `format`, `fields`, `findings`, `finding_details`,
`scenario`, `variations`); `MANIFEST.json` lists everything. Truth is computed from the
values written, by the rules of `shared/forms/filled/README.md` (required rows from
`shared/forms/blank/FORMS.md`; "today" is 2026-11-20, pass `--as-of 2026-11-20`; working days
without the bank holidays listed there). A required row deleted from the form gives
`missing-field` like an empty one.

## Variation tags

| tag | what it is |
|---|---|
| `docx` / `pdf-from-docx` | the DOCX, or its LibreOffice PDF export (text layer only, pictures kept as images) |
| `reworded` | a table whose labels (rows, section headings, notes) are reworded, about 85% of its rows; half of the hard signature layouts keep the official labels (apart from the monitoring form's party rows, which must stand alone there), so that layout and wording can be told apart. Free-text documents are reworded throughout but tagged `free-text-legacy` only |
| `rows-reordered` | rows shuffled within one party block (its heading stays first) |
| `blocks-moved` | two blocks (e.g. the two parties) swapped |
| `row-dropped` | a row deleted entirely (optional rows; `row-deleted` scenarios delete a required one) |
| `extra-row` | an unrelated row ("office use", a log number…) at the top or bottom of the table |
| `free-text-legacy` | no table: `Label: value` paragraphs, long values and ticks in the paragraphs after the label, labels standing alone (some as short as "Child:"), headings and notes often left out, the older version line |
| `signature:image` + `sig-layout:value-cell` | a picture in the signature's value cell |
| `sig-layout:label-cell` | the picture in the same cell as the signature label (one cell across the table) |
| `sig-layout:below` (+ `value-below`) | label across the table, picture in the row below |
| `sig-layout:empty-rows` (+ `extra-empty-rows`) | label row with an empty value cell, one or two empty rows, then the picture in the value column |
| `sig-layout:merged-column` (+ `merged-cells`) | a third column merged down the party's rows (w:vMerge) holding the signature label and picture |
| `sig-layout:merged-party` (+ `merged-cells`) | a first column merged down the party's rows (w:vMerge) holding the party heading; labels and values (picture included) beside it; Croydon has it without a signature |
| `tick:*`, `choice-typed`, `signature:*`, `date-style:*`, `content-controls`, `placeholder-text`, `stage-in-filename` | as in `samples/README.md` |

Scenarios: `clean`/`ontime`, `missing-field` (a required row left empty), `row-deleted` (a
required row deleted), `unsigned` (a required signature empty), `missing-stage`,
`stage-in-filename`, `stage-not-allowed`, `empty-optional`, `timescale`, `late`,
`pending`, `pending-overdue`, `bank-holiday`, `inconsistent-outcome`, `partnership`,
`child-details`, `invalid-email`, `invalid-phone`, `invalid-date`.

## Counts

| tag | documents |
|---|---|
"""


def build_set(set_name: str, out: Path) -> list:
    out.mkdir(parents=True, exist_ok=True)
    specs = make_specs(set_name)
    docx = {s.name: VariantBuilder(s).build() for s in specs}
    pdfs = export_pdfs({Path(s.name).stem: docx[s.name] for s in specs if s.fmt == "pdf-from-docx"})
    manifest = []
    for s in sorted(specs, key=lambda s: s.name):
        data = docx[s.name] if s.fmt == "docx" else pdfs[Path(s.name).stem]
        truth = truth_for(s)
        (out / s.name).write_bytes(data)
        (out / (s.name + ".truth.json")).write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n")
        manifest.append({"file": s.name, "truth": s.name + ".truth.json", "bytes": len(data), "kind": truth["kind"],
                         "partnership": truth["partnership"], "findings": truth["findings"],
                         "scenario": s.scenario, "variations": truth["variations"]})
    (out / "MANIFEST.json").write_text(json.dumps(
        {"set": set_name, "as_of": ms.AS_OF.isoformat(), "generator": "tools/make_variants.py", "seed": SEEDS[set_name],
         "files": len(manifest), "bytes": sum(m["bytes"] for m in manifest), "documents": manifest},
        indent=1, ensure_ascii=False) + "\n")
    tags = Counter(v for m in manifest for v in m["variations"])
    scen = Counter(m["scenario"] for m in manifest)
    forms = Counter(m["partnership"] for m in manifest)
    text = README[set_name].format(seed=SEEDS[set_name]) + README_TAIL
    text += "".join(f"| `{t}` | {n} |\n" for t, n in sorted(tags.items()))
    text += "\n| form | documents |\n|---|---|\n" + "".join(f"| {f} | {n} |\n" for f, n in sorted(forms.items()))
    text += "\n| scenario | documents |\n|---|---|\n" + "".join(f"| `{f}` | {n} |\n" for f, n in sorted(scen.items()))
    (out / "README.md").write_text(text)
    return manifest


def validate(out: Path):
    """DOCX parse; PDFs have a text layer; a PDF said to hold a signature picture holds an image."""
    from xml.dom import minidom
    for f in sorted(out.iterdir()):
        if f.suffix == ".docx":
            with zipfile.ZipFile(f) as z:
                assert z.testzip() is None, f
                for n in z.namelist():
                    if n.endswith((".xml", ".rels")):
                        minidom.parseString(z.read(n))
        elif f.suffix == ".pdf":
            r = subprocess.run(["pdftotext", str(f), "-"], capture_output=True)
            assert r.returncode == 0 and r.stdout.strip(), (f, r.stderr)
            truth = json.loads((out / (f.name + ".truth.json")).read_text())
            pictures = sum(1 for v in truth["fields"].values() if isinstance(v, dict) and v.get("kind") == "image")
            if pictures:
                r = subprocess.run(["pdfimages", "-list", str(f)], capture_output=True, text=True, check=True)
                images = len(r.stdout.splitlines()) - 2
                assert images >= pictures, (f, "signature pictures lost in the PDF export", images, pictures)


def build_all(root: Path):
    for name in SETS:
        target = root / name
        for f in target.glob("*") if target.exists() else []:
            if f.is_file():
                f.unlink()
        build_set(name, target)


def compare(a: Path, b: Path) -> list:
    diff = []
    for name in SETS:
        fa = {f.name: f for f in (a / name).iterdir()} if (a / name).exists() else {}
        fb = {f.name: f for f in (b / name).iterdir()} if (b / name).exists() else {}
        for n in sorted(set(fa) | set(fb)):
            if n not in fa or n not in fb or fa[n].read_bytes() != fb[n].read_bytes():
                diff.append(f"{name}/{n}")
    return diff


def main(argv):
    check_pools()
    if "--check" in argv:
        with tempfile.TemporaryDirectory() as a:
            build_all(Path(a))
            if not (CORPUS / "dev").exists():     # nothing written yet: compare two fresh builds
                with tempfile.TemporaryDirectory() as b:
                    build_all(Path(b))
                    diff = compare(Path(a), Path(b))
            else:
                diff = compare(Path(a), CORPUS)
        print("identical" if not diff else f"differ: {diff[:20]}{' …' if len(diff) > 20 else ''}")
        return 1 if diff else 0
    build_all(CORPUS)
    for name in SETS:
        validate(CORPUS / name)
        files = [f for f in (CORPUS / name).iterdir()]
        docs = [f for f in files if f.suffix in (".docx", ".pdf")]
        print(f"{name}: {len(docs)} documents, {sum(f.stat().st_size for f in files)} bytes in {CORPUS / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
