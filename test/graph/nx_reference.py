"""Reference values from NetworkX for test/graph/networkx.test.ts.

Reads {"n": int, "edges": [[u, v, w], ...], "pairs": [[s, t], ...], "partition": [c0, c1, ...]}
on stdin and writes every measure as JSON on stdout.
"""
import json
import sys

import networkx as nx

spec = json.load(sys.stdin)
G = nx.Graph()
G.add_nodes_from(range(spec["n"]))
for u, v, w in spec["edges"]:
    G.add_edge(u, v, weight=w)

def vec(d):
    return [d[i] for i in range(spec["n"])]

out = {
    "degree": vec(nx.degree_centrality(G)),
    "strength": vec(dict(G.degree(weight="weight"))),
    "betweenness": vec(nx.betweenness_centrality(G)),
    "betweenness_raw": vec(nx.betweenness_centrality(G, normalized=False)),
    "closeness": vec(nx.closeness_centrality(G)),
    "harmonic": vec(nx.harmonic_centrality(G)),
    "eigenvector": vec(nx.eigenvector_centrality(G, max_iter=100000, tol=1e-14)),
    "pagerank": vec(nx.pagerank(G, alpha=0.85, tol=1e-13, max_iter=10000)),
    "pagerank_unweighted": vec(nx.pagerank(G, alpha=0.85, tol=1e-13, max_iter=10000, weight=None)),
    "core": vec(nx.core_number(G)),
    "articulation": sorted(nx.articulation_points(G)),
    "bridges": sorted(sorted(e) for e in nx.bridges(G)),
    "components": sorted(len(c) for c in nx.connected_components(G)),
    "density": nx.density(G),
    "modularity": nx.algorithms.community.modularity(
        G, [set(i for i, c in enumerate(spec["partition"]) if c == k) for k in set(spec["partition"])], weight="weight"),
    "paths": [],
    "louvain": nx.algorithms.community.modularity(
        G, nx.algorithms.community.louvain_communities(G, weight="weight", seed=1), weight="weight"),
}
if nx.is_connected(G):
    out["diameter"] = nx.diameter(G)
    out["average_path_length"] = nx.average_shortest_path_length(G)
for s, t in spec["pairs"]:
    try:
        paths = sorted(nx.all_shortest_paths(G, s, t))
    except nx.NetworkXNoPath:
        paths = []
    out["paths"].append({
        "paths": paths,
        "independent": nx.node_connectivity(G, s, t) if nx.has_path(G, s, t) else 0,
        "ego2": sorted(nx.ego_graph(G, s, radius=2).nodes()),
    })
json.dump(out, sys.stdout)
