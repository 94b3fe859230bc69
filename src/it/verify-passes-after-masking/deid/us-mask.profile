profile it-us-mask
description Basic profile plus a mask over the band where the test ultrasound shows the patient's name
extends basic
option clean-pixel-data
mask it-us-band modality=US rect 0,0,100%,12
