# HIPAA Safe Harbor de-identification (45 CFR 164.514(b)(2)) on top of the DICOM Basic Profile.
#
# Safe Harbor removes the 18 kinds of identifiers of 164.514(b)(2)(i)(A)-(R) "of the individual or
# of relatives, employers, or household members of the individual". The Basic Profile (PS3.15
# Table E.1-1) already removes most of them; this profile
#   - keeps the year of dates (which Safe Harbor allows and the Basic Profile removes),
#   - keeps ages, with ages over 89 aggregated to 090Y (and birth dates to match),
#   - restates, without option entries, every rule whose identifier a PS3.15 option could bring
#     back (retain-uids, retain-device-identity, retain-institution-identity,
#     retain-long-full-dates, retain-long-modified-dates), so that no option enabled on top of
#     this profile reintroduces a Safe Harbor identifier,
#   - removes identifiers that Table E.1-1 does not list (URLs, network addresses, device IDs,
#     dates in alternative calendars).
# Attributes the Basic Profile already removes, with no option to keep them, are listed in the
# comments of their category only. A restated rule replaces the basic rule of the same attribute.
#
# Not covered by header rules, and still required by Safe Harbor: identifiers burned into pixel
# data and full-face or comparable images ((Q); the burned-in risk checks of the engine), the
# "actual knowledge" test of 164.514(b)(2)(ii), and the review of free text that the clean (C)
# action and the engine's PHI checks cannot prove clean.

profile safe-harbor
description HIPAA Safe Harbor (45 CFR 164.514(b)(2)) on the Basic Profile: dates to the year, ages over 89 as 090Y
standard 45 CFR 164.514(b)(2)(i)(A)-(R); PS3.15 2024b Table E.1-1
extends basic

# (A) Names. The Basic Profile removes or replaces every name attribute of Table E.1-1 (PatientName
# Z, OtherPatientNames, PatientBirthName, PatientMotherBirthName, ResponsiblePerson,
# ResponsibleOrganization, PersonName, CameraOwnerName, ... and the staff names); no option keeps
# them. Names in attributes that Table E.1-1 does not list get a dummy: every PN element left over.
vr:PN                                                   D

# (B) Geographic subdivisions smaller than a State. Removed by the Basic Profile with no option:
# PatientAddress, RegionOfResidence, CountryOfResidence, ReferringPhysicianAddress, PersonAddress,
# AddressTrial, DistributionAddress, CurrentPatientLocation, PatientInstitutionResidence,
# ScheduledPatientInstitutionResidence, PerformedLocation, RequestedProcedureLocation,
# OrderEntererLocation, and the GPS attributes (GPSLatitude, GPSLongitude, GPSAltitude,
# GPSAreaInformation, GPSDest*, ...). Restated because retain-institution-identity or
# retain-device-identity would keep them: an institution's or a station's name, address or
# location places the patient in a unit smaller than a State.
InstitutionAddress                                      X
InstitutionName                                         X/Z/D
InstitutionCodeSequence                                 X/Z/D
InstitutionalDepartmentName                             X
InstitutionalDepartmentTypeCodeSequence                 X
ClinicalTrialSiteID                                     Z
ClinicalTrialSiteName                                   Z
ClinicalTrialCoordinatingCenterName                     Z
ClinicalTrialProtocolEthicsCommitteeName                D
SourceOfPreviousValues                                  Z
ScheduledProcedureStepLocation                          X
ScheduledStudyLocation                                  X
ScheduledStationGeographicLocationCodeSequence          X
PerformedStationGeographicLocationCodeSequence          X

# (C) All elements of dates (except year) directly related to the individual, and ages over 89.
# Dates that the Basic Profile keeps in some form (Z, D or a choice) are reduced to their year;
# dates it removes (X) stay removed; none has an option entry any more, so neither
# retain-long-full-dates nor retain-long-modified-dates can bring a full or shifted date back.
# Times (TM) follow the Basic Profile: a time of day without its date is not a date element.
vr:DA                                                   year  # DA and DT elements that Table E.1-1 does not list
vr:DT                                                   year
PatientAge                                              cap-age  # 090Y for ages over 89 (164.514(b)(2)(i)(C))
PatientBirthDate                                        cap-age  # the year only, and a year that makes the patient at most 90
(0010,0033) PatientBirthDateInAlternativeCalendar       X  # not in Table E.1-1
(0010,0034) PatientDeathDateInAlternativeCalendar       X  # not in Table E.1-1
AcquisitionDate                                         year
AcquisitionDateTime                                     year
AssertionDateTime                                       year
AttributeModificationDateTime                           year
BeamHoldTransitionDateTime                              year
CalibrationDateTime                                     year
ContentDate                                             year
ContextGroupLocalVersion                                year
ContextGroupVersion                                     year
Date                                                    year
DateOfLastDetectorCalibration                           year
DateTime                                                year
DecayCorrectionDateTime                                 year
DigitalSignatureDateTime                                year
EffectiveDateTime                                       year
EndAcquisitionDateTime                                  year
ExclusionStartDateTime                                  year
FirstTreatmentDate                                      year
FrameAcquisitionDateTime                                year
FrameReferenceDateTime                                  year
FunctionalSyncPulse                                     year
HangingProtocolCreationDateTime                         year
ImpedanceMeasurementDateTime                            year
InformationIssueDateTime                                year
InstanceCreationDate                                    year
InstructionPerformedDateTime                            year
IntendedPhaseEndDate                                    year
IntendedPhaseStartDate                                  year
InterlockDateTime                                       year
MostRecentTreatmentDate                                 year
ObservationDateTime                                     year
OverrideDateTime                                        year
ParticipationDateTime                                   year
RTPlanDate                                              year
RecordedRTControlPointDateTime                          year
ReferencedDateTime                                      year
ReviewDate                                              year
SafePositionExitDate                                    year
SafePositionReturnDate                                  year
SelectorDAValue                                         year
SelectorDTValue                                         year
SeriesDate                                              year
SourceEndDateTime                                       year
SourceStartDateTime                                     year
SourceStrengthReferenceDate                             year
StartAcquisitionDateTime                                year
StructureSetDate                                        year
StudyDate                                               year
TreatmentControlPointDate                               year
TreatmentDate                                           year
TreatmentToleranceViolationDateTime                     year
VerificationDateTime                                    year
AdmittingDate                                           X
ApprovalStatusDateTime                                  X
AssertionExpirationDateTime                             X
CalibrationDate                                         X
ContributionDateTime                                    X
CreationDate                                            X
CurveDate                                               X
DateOfDocumentOrVerbalTransactionTrial                  X
DateOfInstallation                                      X
DateOfLastCalibration                                   X
DateOfManufacture                                       X
DateOfSecondaryCapture                                  X
DateTimeOfLastCalibration                               X
DischargeDate                                           X
EthicsCommitteeApprovalEffectivenessEndDate             X
EthicsCommitteeApprovalEffectivenessStartDate           X
ExpectedCompletionDateTime                              X
FindingsGroupRecordingDateTrial                         X
GPSDateStamp                                            X
GPSTimeStamp                                            X
HL7DocumentEffectiveTime                                X
InstanceCoercionDateTime                                X
InterpretationApprovalDate                              X
InterpretationRecordedDate                              X
InterpretationTranscriptionDate                         X
IssueDateOfImagingServiceRequest                        X
LastMenstrualDate                                       X
ModifiedImageDate                                       X
ObservationDateTrial                                    X
ObservationStartDateTime                                X
OverlayDate                                             X
PerformedProcedureStepEndDate                           X
PerformedProcedureStepEndDateTime                       X
PerformedProcedureStepStartDate                         X
PerformedProcedureStepStartDateTime                     X
PresentationCreationDate                                X
ProcedureStepCancellationDateTime                       X
ProductExpirationDateTime                               X
ROIDateTime                                             X
ROIObservationDateTime                                  X
RadiopharmaceuticalStartDateTime                        X
RadiopharmaceuticalStopDateTime                         X
SOPAuthorizationDateTime                                X
ScheduledAdmissionDate                                  X
ScheduledDischargeDate                                  X
ScheduledProcedureStepEndDate                           X
ScheduledProcedureStepExpirationDateTime                X
ScheduledProcedureStepModificationDateTime              X
ScheduledProcedureStepStartDate                         X
ScheduledProcedureStepStartDateTime                     X
ScheduledStudyStartDate                                 X
ScheduledStudyStopDate                                  X
StudyArrivalDate                                        X
StudyCompletionDate                                     X
StudyReadDate                                           X
StudyVerifiedDate                                       X
SubstanceAdministrationDateTime                         X
TemplateLocalVersion                                    X
TemplateVersion                                         X

# (D) Telephone numbers, (E) fax numbers, (F) electronic mail addresses. DICOM has no fax or e-mail
# attribute of its own: they are held in the Telecom Information attributes. Removed by the Basic
# Profile with no option: PatientTelephoneNumbers, PatientTelecomInformation,
# ReferringPhysicianTelephoneNumbers, PersonTelephoneNumbers, PersonTelecomInformation,
# OrderCallbackPhoneNumber, OrderCallbackTelecomInformation, TelephoneNumberTrial. Numbers and
# addresses in free text are found by the clean (C) action and the engine's PHI checks.

# (G) Social security numbers. No attribute of their own: where they are used as patient
# identifiers they sit in PatientID, OtherPatientIDs or OtherPatientIDsSequence, see (H).
#
# (H) Medical record numbers. PatientID gets a dummy (the Basic Profile's Z/D); a keyed pseudonym
# ('PatientID hash') is derived from the record number, and 164.514(c)(1) forbids a
# re-identification code derived from information about the individual, so this profile does not
# use one. Removed by the Basic Profile with no option: OtherPatientIDs, OtherPatientIDsSequence,
# IssuerOfPatientID, MedicalRecordLocator, AdmissionID, IssuerOfAdmissionID,
# IssuerOfAdmissionIDSequence, ServiceEpisodeID, IssuerOfServiceEpisodeID,
# IssuerOfServiceEpisodeIDSequence, PatientInsurancePlanCodeSequence. TypeOfPatientID (not in Table
# E.1-1) says only what kind of identifier PatientID was and is kept.
#
# (I) Health plan beneficiary numbers. InsurancePlanIdentification and
# PatientInsurancePlanCodeSequence: removed by the Basic Profile with no option.
#
# (J) Account numbers. DICOM has no billing account attribute; the visit and order numbers that
# can play that part (AdmissionID, ServiceEpisodeID, PlacerOrderNumberImagingServiceRequest,
# FillerOrderNumberImagingServiceRequest, AccessionNumber, SpecimenAccessionNumber) are removed
# or emptied by the Basic Profile with no option.
#
# (K) Certificate/license numbers. No attribute holds the individual's; the signer's certificate
# is removed or replaced by the Basic Profile with no option (CertificateOfSigner D,
# DigitalSignaturesSequence X, ReferencedDigitalSignatureSequence X, DigitalSignatureUID U).
#
# (L) Vehicle identifiers and serial numbers, including license plate numbers. No DICOM attribute;
# free text is cleaned (C) and checked by the engine.

# (M) Device identifiers and serial numbers. Restated because retain-device-identity would keep
# them (DeviceUID is under (R)); DeviceID and the secondary capture and hardcopy device IDs are not
# in Table E.1-1.
CassetteID                                              X
DetectorID                                              X/D
DeviceLabel                                             D
DeviceSerialNumber                                      X/Z/D
GantryID                                                X
GeneratorID                                             X
LensSerialNumber                                        X
ManufacturerDeviceIdentifier                            Z
ModifyingDeviceID                                       X
PlateID                                                 X
SourceSerialNumber                                      X/Z
StationName                                             X/Z/D
PerformedStationName                                    X
PerformedStationNameCodeSequence                        X
ScheduledStationName                                    X
ScheduledStationNameCodeSequence                        X
TransducerIdentificationSequence                        X
TreatmentMachineName                                    X/Z
UDISequence                                             X
UniqueDeviceIdentifier                                  X
XRayDetectorID                                          D
XRayDetectorLabel                                       X
XRaySourceID                                            D
(0018,1003) DeviceID                                    X  # not in Table E.1-1
(0018,1010) SecondaryCaptureDeviceID                    X  # not in Table E.1-1
(0018,1011) HardcopyCreationDeviceID                    X  # not in Table E.1-1; retired

# (N) Web Universal Resource Locators (URLs). Not in Table E.1-1; they point at the records of a
# site's archive. CodingSchemeURL and other links to public resources are kept.
(0008,1190) RetrieveURL                                 X
(0040,E010) RetrieveURI                                 X
(0008,0407) StoredInstanceBaseURI                       X
(0008,0408) FolderAccessURI                             X
(0008,0409) FileAccessURI                               X
(0040,4073) StorageURL                                  X
(0074,100A) ContactURI                                  X
(0040,A992) UniformResourceLocatorTrial                 X  # retired

# (O) Internet Protocol (IP) address numbers. DICOM network addresses and application entity
# titles name hosts of a site's network. Restated because retain-device-identity would clean
# (C) rather than remove them; the presentation addresses, NTP source and file meta AE titles are
# not in Table E.1-1.
StationAETitle                                          X
RetrieveAETitle                                         X
PerformedStationAETitle                                 X
ScheduledStationAETitle                                 X
ScheduledStudyLocationAETitle                           X
NetworkID                                               X
Originator                                              X
DestinationAE                                           D
ReceivingAE                                             X
RequestingAE                                            X
SelectorAEValue                                         D
(0002,0016) SourceApplicationEntityTitle                X  # not in Table E.1-1
(0002,0017) SendingApplicationEntityTitle               X  # not in Table E.1-1
(0002,0018) ReceivingApplicationEntityTitle             X  # not in Table E.1-1
(0002,0026) SourcePresentationAddress                   X  # not in Table E.1-1
(0002,0027) SendingPresentationAddress                  X  # not in Table E.1-1
(0002,0028) ReceivingPresentationAddress                X  # not in Table E.1-1
(0018,1803) NTPSourceAddress                            X  # not in Table E.1-1

# (P) Biometric identifiers, including finger and voice prints. No attribute of their own; audio
# in retired curve data (50xx,xxxx) is removed by the Basic Profile. Recordings in pixel data or
# waveforms need the pixel review.
#
# (Q) Full face photographic images and any comparable images. A header cannot remove a face from
# the pixels: the engine's burned-in risk checks flag photographs (such as Modality XC) for
# masking or review, and volumes of the head may need defacing outside this plugin. The Basic
# Profile removes ReferencedPatientPhotoSequence (no option keeps it) and
# PatientSetupPhotoDescription (cleaned instead with clean-descriptors).

# (R) Any other unique identifying number, characteristic, or code. Study, series and instance
# identifiers: StudyID, RequestedProcedureID, AccessionNumber and the other IDs of Table E.1-1 are
# removed or emptied by the Basic Profile with no option. UIDs are replaced (U); restated here
# because retain-uids would keep the original UIDs, which identify the site's records.
(0000,1000)                                             X  # AffectedSOPInstanceUID, a PS3.7 command element
(0000,1001)                                             U  # RequestedSOPInstanceUID, a PS3.7 command element
AcquisitionUID                                          U
AnnotationGroupUID                                      D
ConcatenationUID                                        U
ConceptualVolumeUID                                     U
ConstituentConceptualVolumeUID                          U
DeviceUID                                               U
DimensionOrganizationUID                                U
DoseReferenceUID                                        U
DosimetricObjectiveUID                                  U
FailedSOPInstanceUIDList                                U
FiducialUID                                             U
FrameOfReferenceUID                                     U
InstanceCreatorUID                                      U
IrradiationEventUID                                     U
LargePaletteColorLookupTableUID                         U
ManufacturerDeviceClassUID                              U
MediaStorageSOPInstanceUID                              U
MultiplexGroupUID                                       U
ObservationSubjectUIDTrial                              U
ObservationUID                                          U
PaletteColorLookupTableUID                              U
PatientSetupUID                                         U
PresentationDisplayCollectionUID                        U
PresentationSequenceCollectionUID                       U
PyramidUID                                              U
RTTreatmentPhaseUID                                     U
ReferencedConceptualVolumeUID                           U
ReferencedDoseReferenceUID                              U
ReferencedDosimetricObjectiveUID                        U
ReferencedFiducialsUID                                  U
ReferencedFrameOfReferenceUID                           U
ReferencedGeneralPurposeScheduledProcedureStepTransactionUID U
ReferencedImageSequence                                 X/Z/U*
ReferencedObservationUIDTrial                           U
ReferencedPatientSequence                               X
ReferencedPerformedProcedureStepSequence                X/Z/D
ReferencedSOPInstanceUID                                U
ReferencedSOPInstanceUIDInFile                          U
ReferencedStudySequence                                 X/Z
ReferencedTreatmentPositionGroupUID                     U
RelatedFrameOfReferenceUID                              U
SOPInstanceUID                                          U
SeriesInstanceUID                                       U
SourceConceptualVolumeUID                               U
SourceFrameOfReferenceUID                               U
SourceImageSequence                                     X/Z/U*
SpecimenUID                                             U
StorageMediaFileSetUID                                  U
StudyInstanceUID                                        U
SynchronizationFrameOfReferenceUID                      U
TargetUID                                               U
TemplateExtensionCreatorUID                             U
TemplateExtensionOrganizationUID                        U
TrackingUID                                             U
TransactionUID                                          U
TreatmentPositionGroupUID                               U
TreatmentSessionUID                                     U

# Patient characteristics (sex, size, weight, ethnic group, smoking and pregnancy status, ...) are
# not Safe Harbor identifiers: retain-patient-characteristics may keep them (its age entry is
# overridden by the PatientAge rule above).
