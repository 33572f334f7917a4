"""Reference solutions, one module per assignment: what hidden tests compare with.

Instructors only: never imported by `course_utils` or shipped to students.
"""
