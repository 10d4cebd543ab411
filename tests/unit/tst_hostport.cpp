#include <QTest>

class tst_hostport : public QObject
{
    Q_OBJECT

private slots:
    void placeholder() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(tst_hostport)
#include "tst_hostport.moc"
