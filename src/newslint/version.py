"""newslint's version: on the ground floor, so that any module may read it without importing the
package's face (which reaches the engine)."""

__version__ = "0.1.0"
