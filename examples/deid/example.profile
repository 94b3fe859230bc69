profile example
description Research profile plus burned-in text masking for the example dataset
# Everything of the shipped research profile (PS3.15 basic with longitudinal modified dates,
# patient characteristics, clean descriptors and safe private attributes) ...
extends research
# ... and pixels: mask rules apply (Clean Pixel Data), starting from the shipped library.
option clean-pixel-data
masks common
# The example ultrasound writes the patient's name in a 10-pixel band at the top.
mask example-us-header modality=US manufacturer="ACME Imaging" rect 0,0,100%,12
