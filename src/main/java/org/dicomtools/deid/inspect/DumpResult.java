package org.dicomtools.deid.inspect;

import java.util.List;

/**
 * What a {@link Dumper} run did.
 *
 * @param dumped the files printed (and written as DICOM JSON when an output directory was given)
 * @param failures the files that could not be read, in walk order
 * @param omittedValues the values left out of the DICOM JSON files for their size
 */
public record DumpResult(int dumped, List<DumpFailure> failures, int omittedValues) {

    public DumpResult {
        failures = List.copyOf(failures);
    }
}
