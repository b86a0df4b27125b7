#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Module docstring.

Spans lines.
"""


def documented(a):
    """Return a doubled."""
    return a * 2


class Documented:
    '''Class docstring.'''

    def method(self):
        """Method docstring."""
        "not a docstring, just an expression"
        return 1


def main():
    print(documented.__doc__)
    print(Documented.__doc__, Documented.method.__doc__)
    print(documented(4), Documented().method())
    print(__name__)
    print(__doc__.splitlines()[0])


if __name__ == "__main__":
    main()
else:
    print("imported")
