# Research: what a multi-site research collection usually shares.
#
# The Basic Profile (PS3.15 Table E.1-1) with four of its options, chosen because analyses need what
# they keep and because none of them keeps a direct identifier:
#   - retain-long-modified-dates (PS3.15 E.3.6): every date and date-time is shifted by one offset
#     per patient, derived from the secret, so intervals between a patient's studies, series and
#     acquisitions survive while the calendar dates do not;
#   - retain-patient-characteristics (E.3.7): sex, age, size, weight, ethnic group, smoking and
#     pregnancy status are study variables; ages over 89 still become 090Y (rule below);
#   - clean-descriptors (E.3.5): study, series and protocol descriptions are cleaned of
#     identifying text instead of removed, since they tell sequences and reconstructions apart;
#   - retain-safe-private (E.3.10): vendor parameters known to be safe (diffusion b-values,
#     scan pitch, SUV factors, ...) are kept; every other private element is still removed.
#
# The patient and the accession number get keyed pseudonyms instead of the Basic Profile's empty
# or dummy values: the same original gives the same pseudonym in every file, run and site that
# uses the same secret, so a patient's studies stay linked across deliveries, and without the
# secret the pseudonym reveals nothing.

profile research
description Basic Profile with modified dates, patient characteristics, clean descriptors, safe private; keyed pseudonyms
standard PS3.15 2024b Table E.1-1 with options 113107, 113108, 113105, 113111
extends basic

option retain-long-modified-dates
option retain-patient-characteristics
option clean-descriptors
option retain-safe-private

# Formats of the keyed pseudonyms: a fixed prefix and 12 characters of the keyed hash, within the
# 16 characters of SH (AccessionNumber) and the 64 of LO (PatientID).
set pseudonym.PatientID        PAT{hash:12}
set pseudonym.AccessionNumber  ACC{hash:12}

PatientID                      hash
AccessionNumber                hash
# PatientName is Type 2 in most IODs and viewers group by it: the patient's pseudonymous ID is a
# name that carries nothing of the original and still tells the patients of a study apart.
PatientName                    replace "{pseudonym:PatientID}"
# Ages are kept with retain-patient-characteristics, but ages over 89 become 090Y: so few patients
# are that old that the exact age can identify one.
PatientAge                     X retain-patient-characteristics=cap-age
