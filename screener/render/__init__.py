"""Renderers format a Report.  They never decide what is a finding, and they
never show an unmasked personal number unless the user asked."""
