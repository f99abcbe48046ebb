"""The tested code that the site's pages include.

Every code block a reader sees on the site is a section of a file in this
package (marked ``# --8<-- [start:name]`` ... ``# --8<-- [end:name]``) or a
doctest that imports from it.
"""
