from mra_graph.cli import main

main()
