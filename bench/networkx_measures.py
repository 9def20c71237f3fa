#!/usr/bin/env python3
"""The export-plus-NetworkX baseline of the analytics benchmark (bench/analytics/).

    python3 bench/networkx_measures.py <measure> <export.json>

Reads a scope exported from Neo4j (the rows of analytics/scopeActors and
analytics/scopeTies, plus analytics/areaMembers for the area measures):

    {"actors": [{"id", "sector"}], "pairs": [{"source", "target", "sourceSector",
     "targetSector", "strength", "kinds"}], "areas": [{"id", "name", "members": [id]}],
     "params": {...}}

builds an undirected simple nx.Graph (isolates included, one edge per pair),
computes the measure the way a NetworkX user would, and prints one line of JSON:
the graph's size, where the time went inside Python, and a small summary of the
result (so that the work cannot be skipped). Exits 0 unless the input is bad.

measures: crossSectorTies sectorMatrix eiIndex assortativity diversity brokers
structuralRisks communities communitiesLeiden helixCoverage connectionPaths
partnerSuggestions

params (all optional): seed (communities, default 42), resolution (default 1),
sample (brokers: betweenness from this many sampled sources, k=, for an
extrapolated estimate on graphs too large for the exact run), from / to /
maxHops (connectionPaths), actor / first (partnerSuggestions).
"""
import itertools
import json
import math
import sys
import time

STARTED = time.perf_counter()

import networkx as nx  # noqa: E402  (imported after the clock starts: its import is part of the path)

SECTORS = ["CITIZEN", "CIVIL_SOCIETY", "PRIVATE", "PUBLIC", "ACADEMIA"]
MAX_PATHS = 25
PATH_ENUMERATION_CAP = 100_000


def blau(counts):
    total = sum(counts)
    if total == 0:
        return None
    return 1 - sum((c / total) ** 2 for c in counts)


def sector_counts(sectors):
    counts = [0] * len(SECTORS)
    for s in sectors:
        counts[SECTORS.index(s)] += 1
    return counts


def mixing(G):
    """Actors per sector and pairs per (unordered) sector pair."""
    sizes = dict.fromkeys(SECTORS, 0)
    for _, s in G.nodes(data="sector"):
        sizes[s] += 1
    ties = {}
    for u, v in G.edges():
        a, b = sorted((G.nodes[u]["sector"], G.nodes[v]["sector"]), key=SECTORS.index)
        ties[(a, b)] = ties.get((a, b), 0) + 1
    return sizes, ties


def sector_matrix(G, _data, _params):
    sizes, ties = mixing(G)
    cells = []
    for i, a in enumerate(SECTORS):
        for b in SECTORS[i:]:
            possible = sizes[a] * (sizes[a] - 1) // 2 if a == b else sizes[a] * sizes[b]
            count = ties.get((a, b), 0)
            cells.append({"a": a, "b": b, "ties": count, "density": count / possible if possible else None})
    return {"totalTies": sum(ties.values()), "cells": len(cells), "sizes": sizes}


def ei_index(G, _data, _params):
    sizes, ties = mixing(G)
    internal = sum(c for (a, b), c in ties.items() if a == b)
    external = sum(c for (a, b), c in ties.items() if a != b)
    by_sector = {}
    for s in SECTORS:
        if sizes[s] == 0:
            continue
        e = sum(c for (a, b), c in ties.items() if a != b and s in (a, b))
        i = ties.get((s, s), 0)
        by_sector[s] = (e - i) / (e + i) if e + i else None
    n = [sizes[s] for s in SECTORS]
    pi = sum(k * (k - 1) / 2 for k in n)
    pe = sum(n[k] * n[l] for k in range(len(n)) for l in range(k + 1, len(n)))
    return {
        "overall": (external - internal) / (external + internal) if external + internal else None,
        "external": external,
        "internal": internal,
        "bySector": by_sector,
        "expected": (pe - pi) / (pe + pi) if pe + pi else None,
    }


def assortativity(G, _data, _params):
    if G.number_of_edges() == 0:
        return {"coefficient": None}
    r = nx.attribute_assortativity_coefficient(G, "sector")
    return {"coefficient": None if math.isnan(r) else r}


def diversity(G, data, _params):
    actors = []
    for node in G.nodes():
        value = blau(sector_counts(G.nodes[p]["sector"] for p in G.neighbors(node)))
        actors.append((-(value if value is not None else -1), node, value))
    actors.sort()
    sector_of = {a["id"]: a["sector"] for a in data["actors"]}
    areas = []
    for area in data.get("areas", []):
        value = blau(sector_counts(m["sector"] if isinstance(m, dict) else sector_of.get(m, "CITIZEN") for m in area["members"]))
        areas.append((-(value if value is not None else -1), area["id"], value))
    areas.sort()
    return {"top": [a[1] for a in actors[:5]], "topValue": actors[0][2] if actors else None, "areas": len(areas)}


def cross_sector_ties(G, _data, _params):
    sector = nx.get_node_attributes(G, "sector")
    ties = sorted(tuple(sorted((u, v))) for u, v in G.edges() if sector[u] != sector[v])
    return {"totalCount": len(ties), "first": [list(t) for t in ties[:3]]}


def brokers(G, _data, params):
    sample = params.get("sample")
    n = G.number_of_nodes()
    if sample and sample < n:
        scores = nx.betweenness_centrality(G, k=sample, normalized=False, seed=params.get("seed", 42))
        exact = False
    else:
        scores = nx.betweenness_centrality(G, normalized=False)
        exact = True
    top = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:20]
    return {"exact": exact, "sources": n if exact else sample, "top": [[k, round(v, 3)] for k, v in top[:5]]}


def structural_risks(G, _data, _params):
    bridges = list(nx.bridges(G))
    points = list(nx.articulation_points(G))
    return {"bridges": len(bridges), "articulationPoints": len(points)}


def communities(G, _data, params):
    found = nx.community.louvain_communities(G, seed=params.get("seed", 42), resolution=params.get("resolution", 1))
    found = sorted(found, key=len, reverse=True)
    return {"communities": len(found), "largest": len(found[0]) if found else 0, "modularity": nx.community.modularity(G, found) if G.number_of_edges() else None}


def communities_leiden(G, _data, params):
    try:
        found = nx.community.leiden_communities(G, seed=params.get("seed", 42), resolution=params.get("resolution", 1))
    except (NotImplementedError, AttributeError) as error:
        return {"unavailable": f"networkx {nx.__version__} has no Leiden implementation of its own ({type(error).__name__}: {error})"}
    found = sorted(found, key=len, reverse=True)
    return {"communities": len(found), "largest": len(found[0]) if found else 0}


def helix_coverage(G, data, _params):
    sector = nx.get_node_attributes(G, "sector")
    rows = []
    for area in data.get("areas", []):
        members = {m["id"] if isinstance(m, dict) else m for m in area["members"]}
        present = {sector.get(m) for m in members if m in sector}
        present.update(m["sector"] for m in area["members"] if isinstance(m, dict))
        connected = set()
        for u, v in G.subgraph(members).edges():
            if sector[u] != sector[v]:
                connected.add(tuple(sorted((sector[u], sector[v]))))
        possible = len(present) * (len(present) - 1) // 2
        rows.append((-(len(connected) / possible) if possible else 1, area["id"], len(connected)))
    rows.sort()
    return {"areas": len(rows), "best": rows[0][1] if rows else None}


def connection_paths(G, _data, params):
    source, target, max_hops = params["from"], params["to"], params.get("maxHops", 4)
    if source not in G or target not in G:
        return {"paths": 0}
    try:
        length = nx.shortest_path_length(G, source, target)
    except nx.NetworkXNoPath:
        return {"paths": 0}
    if length > max_hops:
        return {"paths": 0, "length": length}
    sector = nx.get_node_attributes(G, "sector")
    paths = []
    for path in itertools.islice(nx.all_shortest_paths(G, source, target), PATH_ENUMERATION_CAP):
        crossings = sum(1 for a, b in zip(path, path[1:]) if sector[a] != sector[b])
        paths.append((crossings, path))
    paths.sort()
    return {"length": length, "paths": len(paths), "kept": len(paths[:MAX_PATHS]), "fewestCrossings": paths[0][0] if paths else None}


def partner_suggestions(G, _data, params):
    actor = params["actor"]
    if actor not in G:
        return {"suggestions": 0}
    sector = G.nodes[actor]["sector"]
    tied = set(G.neighbors(actor))
    candidates = [(actor, other) for other, s in G.nodes(data="sector") if other != actor and s != sector and other not in tied]
    scored = [(score, v) for _, v, score in nx.adamic_adar_index(G, candidates) if score > 0]
    scored.sort(key=lambda item: (-item[0], item[1]))
    first = params.get("first", 10)
    return {"candidates": len(candidates), "scored": len(scored), "top": [v for _, v in scored[:first]][:3]}


MEASURES = {
    "crossSectorTies": cross_sector_ties,
    "sectorMatrix": sector_matrix,
    "eiIndex": ei_index,
    "assortativity": assortativity,
    "diversity": diversity,
    "brokers": brokers,
    "structuralRisks": structural_risks,
    "communities": communities,
    "communitiesLeiden": communities_leiden,
    "helixCoverage": helix_coverage,
    "connectionPaths": connection_paths,
    "partnerSuggestions": partner_suggestions,
}


def main(argv):
    if len(argv) != 3 or argv[1] not in MEASURES:
        sys.stderr.write(f"usage: networkx_measures.py <{'|'.join(MEASURES)}> <export.json>\n")
        return 2
    measure, path = argv[1], argv[2]
    imported = time.perf_counter()
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    loaded = time.perf_counter()
    G = nx.Graph()
    G.add_nodes_from((a["id"], {"sector": a["sector"]}) for a in data["actors"])
    for p in data["pairs"]:
        # TOUCHING scopes: a partner outside the area appears only in its pair.
        if p["source"] not in G:
            G.add_node(p["source"], sector=p["sourceSector"])
        if p["target"] not in G:
            G.add_node(p["target"], sector=p["targetSector"])
    G.add_edges_from((p["source"], p["target"]) for p in data["pairs"])
    built = time.perf_counter()
    summary = MEASURES[measure](G, data, data.get("params") or {})
    done = time.perf_counter()
    print(
        json.dumps(
            {
                "measure": measure,
                "networkx": nx.__version__,
                "nodes": G.number_of_nodes(),
                "edges": G.number_of_edges(),
                "importSeconds": imported - STARTED,
                "loadSeconds": loaded - imported,
                "buildSeconds": built - loaded,
                "computeSeconds": done - built,
                "summary": summary,
            },
            default=str,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
