"""Where ``src/newslint/data`` is, for the families that still read their data from there.

The English lexicon moved to ``newslint.rules.typos.lexicon``, beside the rules that read it
and its word list. ``spin`` and ``web`` import ``DATA_DIR`` from here for their tables; this
module goes once their data lives beside them too.
"""

import os

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
