"""Framing-device detectors: pure functions from text to candidate spans."""
