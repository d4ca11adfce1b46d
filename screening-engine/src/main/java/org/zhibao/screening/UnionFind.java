package org.zhibao.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Disjoint sets over 0..n-1 with path halving and union by size: the grouping of P1_DUPLICATE and P6_SPLIT. */
public final class UnionFind {

    private final int[] parent;
    private final int[] size;

    public UnionFind(int n) {
        parent = new int[n];
        size = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
        }
    }

    public int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Joins the sets of a and b; returns whether they were apart. */
    public boolean union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return false;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        return true;
    }

    /** The sets of two or more members, each sorted ascending, in order of their smallest member. */
    public List<int[]> groups() {
        Map<Integer, List<Integer>> byRoot = new HashMap<>();
        for (int i = 0; i < parent.length; i++) {
            if (size[find(i)] > 1) {
                byRoot.computeIfAbsent(find(i), k -> new ArrayList<>()).add(i);
            }
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> g : byRoot.values()) {
            out.add(g.stream().mapToInt(Integer::intValue).toArray());
        }
        out.sort((a, b) -> Integer.compare(a[0], b[0]));
        return out;
    }
}
