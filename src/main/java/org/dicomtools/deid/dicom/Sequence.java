package org.dicomtools.deid.dicom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The items of a sequence element. Items are datasets whose parent is the dataset holding the
 * sequence, so that Specific Character Set and private creators resolve through the nesting
 * (PS3.5 7.5). Items of a sequence hidden in a VR UN element of undefined length are always
 * implicit VR little endian (PS3.5 6.2.2 note, CP-246), whatever the file's transfer syntax.
 */
public final class Sequence implements Iterable<Dataset> {
    private final Dataset parent;
    private final boolean bigEndianItems;
    private final List<Dataset> items = new ArrayList<>();

    /** A sequence whose items use the parent's byte order. */
    public Sequence(Dataset parent) {
        this(parent, parent != null && parent.bigEndian());
    }

    Sequence(Dataset parent, boolean bigEndianItems) {
        this.parent = parent;
        this.bigEndianItems = bigEndianItems;
    }

    /** Appends a new empty item (undefined length when written) and returns it. */
    public Dataset addItem() {
        Dataset item = new Dataset(parent, bigEndianItems);
        items.add(item);
        return item;
    }

    void addRead(Dataset item) {
        items.add(item);
    }

    /** Removes the item at {@code index}. */
    public void removeItem(int index) {
        items.remove(index);
    }

    public Dataset get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The items as an unmodifiable view. */
    public List<Dataset> items() {
        return Collections.unmodifiableList(items);
    }

    /** The dataset that holds this sequence's element. */
    public Dataset parent() {
        return parent;
    }

    @Override
    public Iterator<Dataset> iterator() {
        return items().iterator();
    }
}
