#include <QTest>

class tst_mainwindow : public QObject
{
    Q_OBJECT

private slots:
    void placeholder() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(tst_mainwindow)
#include "tst_mainwindow.moc"
