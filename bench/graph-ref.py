"""Baseline timings for bench/graph.ts: igraph or networkx on the same edge list.

usage: graph-ref.py igraph|networkx EDGEFILE TASKS OUTJSON
TASKS: comma-separated of betweenness, closeness, pagerank, bfs, louvain.
Each task is timed on the loaded graph (loading excluded); quick tasks take the best of 3.
"""
import json
import sys
import time

lib, path, tasks, out = sys.argv[1], sys.argv[2], sys.argv[3].split(","), sys.argv[4]
res = {}

def timed(fn, repeat=1):
    best, value = None, None
    for _ in range(repeat):
        t = time.perf_counter()
        value = fn()
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    return best, value

if lib == "igraph":
    import igraph as ig
    g = ig.Graph.Read_Edgelist(path, directed=False)
    g.simplify()
    for task in tasks:
        if task == "betweenness":
            s, v = timed(lambda: g.betweenness())
            res[task] = {"seconds": s, "values": v}
        elif task == "closeness":
            s, v = timed(lambda: g.closeness())
            res[task] = {"seconds": s, "values": v}
        elif task == "pagerank":
            s, v = timed(lambda: g.pagerank(), 3)
            res[task] = {"seconds": s, "values": v}
        elif task == "bfs":
            s, v = timed(lambda: g.distances(source=[0])[0], 3)
            res[task] = {"seconds": s}
        elif task == "louvain":
            s, v = timed(lambda: g.community_multilevel(), 3)
            res[task] = {"seconds": s, "modularity": v.modularity, "communities": len(v)}
else:
    import networkx as nx
    g = nx.read_edgelist(path, nodetype=int)
    for task in tasks:
        if task == "betweenness":
            s, v = timed(lambda: nx.betweenness_centrality(g))
            res[task] = {"seconds": s}
        elif task == "closeness":
            s, v = timed(lambda: nx.closeness_centrality(g))
            res[task] = {"seconds": s}
        elif task == "pagerank":
            s, v = timed(lambda: nx.pagerank(g), 3)
            res[task] = {"seconds": s}
        elif task == "bfs":
            s, v = timed(lambda: nx.single_source_shortest_path_length(g, 0), 3)
            res[task] = {"seconds": s}
        elif task == "louvain":
            s, v = timed(lambda: nx.community.louvain_communities(g, seed=1))
            res[task] = {"seconds": s, "modularity": nx.community.modularity(g, v)}
        elif task == "sampled":
            s, v = timed(lambda: nx.betweenness_centrality(g, k=1000, seed=1))
            res[task] = {"seconds": s}
with open(out, "w") as f:
    json.dump(res, f)
