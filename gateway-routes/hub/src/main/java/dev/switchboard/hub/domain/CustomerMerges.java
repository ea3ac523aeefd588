package dev.switchboard.hub.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The customer merges in force, shared by every gateway node and kept across restarts. A merged customer
 * may be kept by one that is merged itself (a chain); there are no cycles, because a merge within one group
 * is refused ({@link #primaryOf} of both sides is the same).
 */
public interface CustomerMerges {
    /** Longest chain followed; a longer one would mean a broken record, and ends the walk there. */
    int MAX_CHAIN = 32;

    /** The merge of this customer into another, if he is merged. */
    Optional<CustomerMerge> of(String mergedCustomerId);

    /** The merges directly into this customer. */
    List<CustomerMerge> into(String keptCustomerId);

    /** Records a merge, durably; {@code false} when that customer is merged already. */
    boolean add(CustomerMerge merge);

    /** Removes the merge of this customer, durably; the merge that was removed, if any. */
    Optional<CustomerMerge> remove(String mergedCustomerId);

    /** The customer whose thread this customer's messages are routed and shown with: himself unless merged. */
    default String primaryOf(String customerId) {
        String current = customerId;
        for (int hop = 0; hop < MAX_CHAIN; hop++) {
            Optional<CustomerMerge> merge = of(current);
            if (merge.isEmpty()) {
                return current;
            }
            current = merge.get().keptCustomerId();
        }
        return current;
    }

    /** The customer and everyone merged into him, directly or through a chain; the customer first. */
    default List<String> group(String customerId) {
        List<String> group = new ArrayList<>();
        Deque<String> next = new ArrayDeque<>(List.of(customerId));
        while (!next.isEmpty() && group.size() < MAX_CHAIN * MAX_CHAIN) {
            String current = next.removeFirst();
            if (!group.contains(current)) {
                group.add(current);
                into(current).forEach(merge -> next.addLast(merge.mergedCustomerId()));
            }
        }
        return group;
    }
}
