"""nbgrader as a student's JupyterLab sees it (`make lab`): the course, its exchange,
and the student's own folder, where nbgrader's fetch puts each assignment."""

from autograder.course import COURSE_ID, exchange_root, student_root

c = get_config()  # noqa: F821 - provided by traitlets when the file is loaded

c.CourseDirectory.course_id = COURSE_ID
c.Exchange.root = str(exchange_root())
c.Exchange.assignment_dir = str(student_root())
# nbgrader's record of what this student submitted (and the feedback it fetched), kept
# with their folder rather than in one cache shared by every clone on the machine.
c.Exchange.cache = str(student_root() / ".nbgrader_cache")
