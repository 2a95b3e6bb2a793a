"""Sentences: which marks and line breaks end one (sentences written for this project)."""

import pytest

from core.text.normalize import normalize, tokenize
from core.text.segment import sentences


def count(text):
    norm = normalize(text)
    return len(sentences(norm.text, tokenize(norm)))


@pytest.mark.parametrize("text, n", [
    pytest.param("افتتح المنتدى أمس. وحضره الوزراء.", 2, id="full-stop"),
    pytest.param("أقيم تحت شعار (المعرفة. نحو الغد) في المنامة.", 1, id="dot-inside-parentheses"),
    pytest.param("أقيم تحت شعار المعرفة.. نحو الغد في المنامة.", 1, id="ellipsis"),
    pytest.param("عنوان قصير\nافتتح المنتدى أمس.", 2, id="headline-line"),
    pytest.param("افتتح المنتدى العالمي للحكومة الرقمية أمس بحضور الوزراء وكبار المسؤولين من الدول الأعضاء "
                 "والمنظمات الدولية\nالمعنية بالتحول الرقمي.", 1, id="wrapped-long-line"),
    pytest.param("قال (المدير " + "كلمة " * 60 + "انتهى. ثم بدأ الحفل.", 2, id="stray-parenthesis-does-not-swallow"),
    pytest.param("زر الموقع bahrain.bh للاطلاع. انتهى.", 2, id="domain-dot"),
])
def test_sentence_count(text, n):
    assert count(text) == n
