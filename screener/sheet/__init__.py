"""The approval sheet's content (信息发布审批表): its fields, and what the
draft and its findings say in it.  ``render/`` only formats it."""
