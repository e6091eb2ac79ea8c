"""The chat page over the bundled article (or a store): `python app.py [--host] [--port] [--store URI]`.

The same as `qa serve`; the page itself is `qa.page`, installed inside the `qa` package so no
top-level module named `app` lands in site-packages.
"""

from qa.page import main

if __name__ == "__main__":
    main()
