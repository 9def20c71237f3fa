"""Reads each network export back with NetworkX and prints what it found, as JSON.

Usage: python3 networkx_roundtrip.py <dir>  (the dir holds network.gexf,
network.graphml, network.cyjs.json and network.csv.zip). For each format: the
node ids with their sector, the tie ids, and the degree and betweenness
(betweenness_centrality, normalized=False) that NetworkX computes on the simple
undirected graph; for GEXF also each tie's and node's start and end.
"""
import csv
import io
import json
import os
import sys
import zipfile

import networkx as nx


def summary(graph, edge_ids, sector_of):
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes())
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    return {
        "nodes": sorted(str(n) for n in graph.nodes()),
        "sectors": {str(n): sector_of(n) for n in graph.nodes()},
        "edgeIds": sorted(edge_ids),
        "degree": {str(n): d for n, d in simple.degree()},
        "betweenness": {str(n): b for n, b in nx.betweenness_centrality(simple, normalized=False).items()},
    }


def read_gexf(path):
    graph = nx.read_gexf(path)
    edges = list(graph.edges(data=True))
    result = summary(graph, [d["id"] for _, _, d in edges], lambda n: graph.nodes[n]["sector"])
    result["mode"] = graph.graph.get("mode")
    result["edgeSpans"] = {d["id"]: [d.get("start"), d.get("end")] for _, _, d in edges}
    result["nodeSpans"] = {str(n): [d.get("start"), d.get("end")] for n, d in graph.nodes(data=True)}
    result["labels"] = {str(n): d.get("label") for n, d in graph.nodes(data=True)}
    return result


def read_graphml(path):
    graph = nx.read_graphml(path)
    edges = list(graph.edges(data=True))
    # With parallel edges NetworkX reads a MultiGraph and keys each edge by its GraphML id.
    ids = [k for _, _, k in graph.edges(keys=True)] if graph.is_multigraph() else [d["id"] for _, _, d in edges]
    result = summary(graph, ids, lambda n: graph.nodes[n]["sector"])
    result["labels"] = {str(n): d.get("label") for n, d in graph.nodes(data=True)}
    result["crossesSectorsTypes"] = sorted({type(d["crossesSectors"]).__name__ for _, _, d in edges})
    return result


def read_cytoscape(path):
    with open(path, encoding="utf-8") as file:
        graph = nx.cytoscape_graph(json.load(file))
    edges = list(graph.edges(data=True))
    result = summary(graph, [d["id"] for _, _, d in edges], lambda n: graph.nodes[n]["sector"])
    result["labels"] = {str(n): d.get("label") for n, d in graph.nodes(data=True)}
    return result


def read_csv_zip(path):
    with zipfile.ZipFile(path) as archive:
        nodes = list(csv.DictReader(io.StringIO(archive.read("nodes.csv").decode("utf-8-sig"))))
        edges = list(csv.DictReader(io.StringIO(archive.read("edges.csv").decode("utf-8-sig"))))
    graph = nx.MultiGraph()
    for row in nodes:
        graph.add_node(row["Id"], sector=row["Sector"], label=row["Label"])
    for row in edges:
        graph.add_edge(row["From"], row["To"], id=row["Id"])
    result = summary(graph, [row["Id"] for row in edges], lambda n: graph.nodes[n]["sector"])
    result["labels"] = {row["Id"]: row["Label"] for row in nodes}
    return result


def main(directory):
    readers = {
        "gexf": (read_gexf, "network.gexf"),
        "graphml": (read_graphml, "network.graphml"),
        "json": (read_cytoscape, "network.cyjs.json"),
        "csv": (read_csv_zip, "network.csv.zip"),
    }
    found = {}
    for name, (reader, file_name) in readers.items():
        path = os.path.join(directory, file_name)
        if os.path.exists(path):
            found[name] = reader(path)
    json.dump(found, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
