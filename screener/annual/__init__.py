"""Reading a 政府信息公开工作年度报告 and the arithmetic its national template
implies (国办公开办函〔2019〕60号 trial format, 国办公开办函〔2021〕30号 format).

labels: the template's fixed texts; cells / tables: reading rows from
flattened text; report: the report as read and its table relations;
prose / crosscheck: figures in the prose and against the tables or last
year's report; relations: the equations and the one figure to blame;
previous: last year's 结转下年度 row.  The detector is
screener/detectors/annual_report.py.
"""
