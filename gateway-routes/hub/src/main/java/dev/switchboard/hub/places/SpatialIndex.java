package dev.switchboard.hub.places;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The items nearest to a position, from a k-d tree over the items' positions as points on the unit sphere
 * (x, y, z). The straight-line (chord) distance between two such points grows with their great-circle
 * distance, so the tree's nearest points are the nearest on the earth, across the date line and near the
 * poles alike. Built once, immutable, thread-safe.
 *
 * <p>The tree is implicit: the items are ordered so that each subrange's middle element splits it along
 * the axis on which the subrange is widest; no node objects, just arrays. Each subrange also keeps its
 * bounding box, and a search skips a subrange whose box is farther than the k-th best so far: the split
 * plane alone prunes badly for a position far from every item (a customer at sea), the box does not.
 *
 * @param <T> what is indexed
 */
public final class SpatialIndex<T> {
    /** One item found, with its great-circle distance from the position looked up. */
    public record Neighbour<T>(T item, double distanceMeters) {
    }

    private final Object[] items;
    private final double[] latitudes;
    private final double[] longitudes;
    private final double[][] coordinates;
    private final byte[] splitAxis;
    /** The bounding box of the subrange whose middle is i: boxMin[axis][i], boxMax[axis][i]. */
    private final double[][] boxMin;
    private final double[][] boxMax;

    private SpatialIndex(List<T> source, ToDoubleFunction<T> latitude, ToDoubleFunction<T> longitude) {
        int n = source.size();
        double[][] unsorted = new double[3][n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            T item = Objects.requireNonNull(source.get(i), "item");
            double[] p = unitVector(latitude.applyAsDouble(item), longitude.applyAsDouble(item));
            unsorted[0][i] = p[0];
            unsorted[1][i] = p[1];
            unsorted[2][i] = p[2];
            order[i] = i;
        }
        splitAxis = new byte[n];
        boxMin = new double[3][n];
        boxMax = new double[3][n];
        build(unsorted, order, 0, n);
        items = new Object[n];
        latitudes = new double[n];
        longitudes = new double[n];
        coordinates = new double[3][n];
        for (int i = 0; i < n; i++) {
            T item = source.get(order[i]);
            items[i] = item;
            latitudes[i] = latitude.applyAsDouble(item);
            longitudes[i] = longitude.applyAsDouble(item);
            for (int axis = 0; axis < 3; axis++) {
                coordinates[axis][i] = unsorted[axis][order[i]];
            }
        }
    }

    /** Indexes {@code items} by the position the two functions give (WGS 84 degrees). */
    public static <T> SpatialIndex<T> of(List<T> items, ToDoubleFunction<T> latitude, ToDoubleFunction<T> longitude) {
        return new SpatialIndex<>(List.copyOf(items), latitude, longitude);
    }

    public int size() {
        return items.length;
    }

    /** Up to {@code k} items nearest to the position, nearest first; ties in no particular order. */
    public List<Neighbour<T>> nearest(double latitude, double longitude, int k) {
        if (k < 1 || items.length == 0) {
            return List.of();
        }
        double[] q = unitVector(latitude, longitude);
        Best best = new Best(Math.min(k, items.length));
        search(q, 0, items.length, best);
        List<Neighbour<T>> result = new ArrayList<>(best.size);
        for (int index : best.sortedIndices()) {
            @SuppressWarnings("unchecked")
            T item = (T) items[index];
            result.add(new Neighbour<>(item,
                    EarthDistance.meters(latitude, longitude, latitudes[index], longitudes[index])));
        }
        return result;
    }

    private void search(double[] q, int from, int to, Best best) {
        if (from >= to) {
            return;
        }
        int mid = (from + to) >>> 1;
        if (best.full() && squaredDistanceToBox(q, mid) >= best.worst()) {
            return;
        }
        best.offer(mid, squaredChord(q, mid));
        int axis = splitAxis[mid];
        if (q[axis] < coordinates[axis][mid]) {
            search(q, from, mid, best);
            search(q, mid + 1, to, best);
        } else {
            search(q, mid + 1, to, best);
            search(q, from, mid, best);
        }
    }

    private double squaredDistanceToBox(double[] q, int node) {
        double sum = 0;
        for (int axis = 0; axis < 3; axis++) {
            double v = q[axis];
            double below = boxMin[axis][node] - v;
            double above = v - boxMax[axis][node];
            double outside = below > 0 ? below : above > 0 ? above : 0;
            sum += outside * outside;
        }
        return sum;
    }

    private double squaredChord(double[] q, int i) {
        double dx = q[0] - coordinates[0][i];
        double dy = q[1] - coordinates[1][i];
        double dz = q[2] - coordinates[2][i];
        return dx * dx + dy * dy + dz * dz;
    }

    private void build(double[][] points, int[] order, int from, int to) {
        if (from >= to) {
            return;
        }
        int mid = (from + to) >>> 1;
        int axis = widestAxis(points, order, from, to, mid);
        select(points[axis], order, from, to - 1, mid);
        splitAxis[mid] = (byte) axis;
        build(points, order, from, mid);
        build(points, order, mid + 1, to);
    }

    /** Records the subrange's bounding box at its middle and returns the axis on which it is widest. */
    private int widestAxis(double[][] points, int[] order, int from, int to, int mid) {
        int widest = 0;
        double widestSpread = -1;
        for (int axis = 0; axis < 3; axis++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                double v = points[axis][order[i]];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            boxMin[axis][mid] = min;
            boxMax[axis][mid] = max;
            if (max - min > widestSpread) {
                widestSpread = max - min;
                widest = axis;
            }
        }
        return widest;
    }

    /** Reorders order[lo..hi] so that the k-th is in place, smaller before it and larger after (quickselect). */
    private static void select(double[] values, int[] order, int lo, int hi, int k) {
        while (hi > lo) {
            double pivot = values[order[(lo + hi) >>> 1]];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[order[i]] < pivot) {
                    i++;
                }
                while (values[order[j]] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int swap = order[i];
                    order[i] = order[j];
                    order[j] = swap;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    static double[] unitVector(double latitude, double longitude) {
        double phi = Math.toRadians(latitude);
        double lambda = Math.toRadians(longitude);
        double cosPhi = Math.cos(phi);
        return new double[] {cosPhi * Math.cos(lambda), cosPhi * Math.sin(lambda), Math.sin(phi)};
    }

    /** The k best candidates so far: a max-heap on squared chord distance. */
    private static final class Best {
        private final int[] indices;
        private final double[] distances;
        private int size;

        Best(int capacity) {
            indices = new int[capacity];
            distances = new double[capacity];
        }

        boolean full() {
            return size == indices.length;
        }

        double worst() {
            return distances[0];
        }

        void offer(int index, double distance) {
            if (size < indices.length) {
                int at = size++;
                while (at > 0) {
                    int parent = (at - 1) >>> 1;
                    if (distances[parent] >= distance) {
                        break;
                    }
                    indices[at] = indices[parent];
                    distances[at] = distances[parent];
                    at = parent;
                }
                indices[at] = index;
                distances[at] = distance;
            } else if (distance < distances[0]) {
                siftDown(index, distance);
            }
        }

        private void siftDown(int index, double distance) {
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && distances[child + 1] > distances[child]) {
                    child++;
                }
                if (distances[child] <= distance) {
                    break;
                }
                indices[at] = indices[child];
                distances[at] = distances[child];
                at = child;
            }
            indices[at] = index;
            distances[at] = distance;
        }

        /** The indices, nearest first: an insertion sort of the (few) candidates, without boxing. */
        int[] sortedIndices() {
            int[] order = Arrays.copyOf(indices, size);
            double[] keys = Arrays.copyOf(distances, size);
            for (int i = 1; i < size; i++) {
                int index = order[i];
                double key = keys[i];
                int at = i;
                while (at > 0 && keys[at - 1] > key) {
                    order[at] = order[at - 1];
                    keys[at] = keys[at - 1];
                    at--;
                }
                order[at] = index;
                keys[at] = key;
            }
            return order;
        }
    }
}
