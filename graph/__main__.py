"""``python -m graph`` runs the diplograph command line."""

from graph.cli import main

if __name__ == "__main__":
    main()
