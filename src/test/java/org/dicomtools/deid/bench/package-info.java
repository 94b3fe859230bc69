/**
 * Benchmarks and the bounded-memory check; test scope, so nothing here ships.
 *
 * <p>One command runs every benchmark (the {@code benchmark} profile of the pom; JMH is only on its
 * classpath, and the normal build does not compile the JMH classes):
 * <pre>./mvnw -B -Pbenchmark verify</pre>
 * It skips the tests and ITs, runs {@code CodecBenchmark} with
 * {@code org.openjdk.jmh.Main -f 1 -wi 2 -i 3} (other JMH options with
 * {@code -Dbenchmark.jmh="..."}; results in {@code target/codec-jmh.json}), then
 * {@link org.dicomtools.deid.bench.BenchmarkReport}: {@code cp -r} of the same files, the engine's
 * deidentify and verify runs on 2,000 generated files with 2 threads, and a closing table in
 * {@code target/bench/summary.txt}. It needs about 6 GB free under {@code target/} and the system
 * temporary directory.
 *
 * <p>{@link org.dicomtools.deid.bench.BoundedMemoryTest} is an ordinary unit test of the normal build:
 * a multi-frame file of more than 2 GiB is read, rewritten and masked in {@code java -Xmx128m}.
 */
package org.dicomtools.deid.bench;
