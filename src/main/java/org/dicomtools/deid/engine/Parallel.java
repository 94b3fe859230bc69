package org.dicomtools.deid.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs one task per index on a fixed number of threads and returns the results in index order, so
 * that what a run writes or reports does not depend on thread scheduling.
 */
public final class Parallel {
    private Parallel() {
    }

    /**
     * Applies {@code task} to 0..n-1 on up to {@code threads} daemon threads. An
     * {@link UncheckedIOException} thrown by a task is rethrown as its {@link IOException}.
     */
    public static <T> List<T> map(int n, int threads, IntFunction<T> task) throws IOException {
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        int t = Math.max(1, Math.min(threads, n));
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "deid-worker");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < t; k++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        results[i] = task.apply(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        } finally {
            pool.shutdownNow();
        }
        List<T> out = new ArrayList<>(n);
        for (Object o : results) {
            @SuppressWarnings("unchecked")
            T typed = (T) o;
            out.add(typed);
        }
        return out;
    }
}
