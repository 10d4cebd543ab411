#pragma once
#include <QWidget>
namespace NetPoke {
class UdpPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit UdpPanel(QWidget *parent = nullptr);
};
}
