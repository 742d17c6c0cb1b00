"""The Qt-free heart of Coding Workbench: domain, storage, services, analysis, exchange."""
