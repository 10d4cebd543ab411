#include <QTest>

class tst_udppanel : public QObject
{
    Q_OBJECT

private slots:
    void placeholder() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(tst_udppanel)
#include "tst_udppanel.moc"
