#include <QTest>

class tst_udpcli : public QObject
{
    Q_OBJECT

private slots:
    void placeholder() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(tst_udpcli)
#include "tst_udpcli.moc"
