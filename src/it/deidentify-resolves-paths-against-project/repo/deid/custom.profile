profile it-custom
description The basic profile, from a file of the project
extends basic
